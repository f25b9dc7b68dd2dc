/**
 * The States that made a Working Group recommendation, read from the
 * parenthesis that closes it: "… (Senegal, Sierra Leone, Venezuela
 * (Bolivarian Republic of), Peru);" → five names, and "… (Brazil); (Canada)"
 * → both. Names keep their own brackets; nothing else is guessed.
 */

/** Split at top-level commas and semicolons, keeping nested brackets whole. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth === 0 && (ch === ',' || ch === ';')) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim().replace(/^and\s+/, '')).filter((x) => x !== '');
}

/** A State's name as the UN prints it: capitalised words, "of", "the", "and", a bracketed qualifier; no digits. */
const STATE_NAME = /^(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|the|and|da|d'|du|des|del))*(?:\s+\((?:\p{Lu}[\p{L}'’.-]*|of|the|and)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|the|and))*\))?$/u;
const MAX_WORDS = 10;

/** The parenthesised groups that end the text, outermost brackets balanced, in order. */
function closingGroups(text: string): string[] | null {
  let t = text.trim().replace(/[.;,]+$/, '').trim();
  const groups: string[] = [];
  while (t.endsWith(')')) {
    let depth = 0;
    let start = -1;
    for (let i = t.length - 1; i >= 0; i--) {
      if (t[i] === ')') depth++;
      else if (t[i] === '(') { depth--; if (depth === 0) { start = i; break; } }
    }
    if (start < 0) return null;
    groups.unshift(t.slice(start + 1, -1));
    t = t.slice(0, start).trim();
    // "(Brazil); (Canada)": another group before, separated by a semicolon
    if (!/;$/.test(t)) break;
    t = t.slice(0, -1).trim();
  }
  return groups.length ? groups : null;
}

/** The recommending States, or null when the text does not end with a list of State names. */
export function recommendingStates(text: string): string[] | null {
  const groups = closingGroups(text);
  if (!groups) return null;
  const names = groups.flatMap(splitTopLevel);
  if (names.length === 0) return null;
  for (const n of names) {
    if (!STATE_NAME.test(n) || n.split(/\s+/).length > MAX_WORDS) return null;
  }
  return names;
}
