/**
 * The States that made a Working Group recommendation, read from the
 * parentheses of the recommendation: "… (Senegal, Sierra Leone, Venezuela
 * (Bolivarian Republic of), Peru);" → five names; "To ratify (Spain)/consider
 * ratifying (Argentina) the Convention …" → Spain and Argentina; "(Brazil);
 * (Canada)" → both. A parenthesis counts when every entry has the shape of a
 * State's name and, given a list of names, at least one is a known State (so
 * "(Social Security)" or "(No. 118)" do not count). Without a list, only the
 * closing parenthesis is read.
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

const WORD = String.raw`(?:d['’])?\p{Lu}[\p{L}'’.-]*`;
const SMALL = String.raw`(?:of|the|and|da|du|des|del|d'|on|behalf|former)`;
/** A State's name as the UN prints it: capitalised words, "of", "the", "and", a bracketed qualifier; no digits. */
const STATE_NAME = new RegExp(String.raw`^(?:the\s+)?(?:former\s+)?${WORD}(?:\s+(?:${WORD}|${SMALL}))*(?:\s+\((?:${WORD}|${SMALL})(?:\s+(?:${WORD}|${SMALL}))*\))?$`, 'u');
const MAX_WORDS = 10;

/** Top-level parenthesised groups of the text, in order. */
function groups(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') { if (depth === 0) start = i; depth++; }
    else if (text[i] === ')' && depth > 0) { depth--; if (depth === 0) out.push(text.slice(start + 1, i)); }
  }
  return out;
}

/** Normalised form for comparing with the list: lower case, no leading "the", no "(the)". */
export function stateKey(name: string): string {
  return name.toLowerCase().replace(/[’‘]/g, "'").replace(/\s*\*$/, '').replace(/\s*\(the\)/g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
}

function namesIn(group: string, known: ReadonlySet<string> | null): string[] | null {
  const names = splitTopLevel(group);
  if (names.length === 0) return null;
  if (names.some((n) => !STATE_NAME.test(n) || n.split(/\s+/).length > MAX_WORDS)) return null;
  if (known && !names.some((n) => known.has(stateKey(n)))) return null;
  return names;
}

/** The recommending States, or null when no parenthesis of the text lists States. */
export function recommendingStates(text: string, known: ReadonlySet<string> | null = null): string[] | null {
  const all = groups(text.trim());
  if (all.length === 0) return null;
  if (!known) {
    if (!/\)\s*[.;,]?\s*$/.test(text)) return null;
    return namesIn(all[all.length - 1], null);
  }
  const out: string[] = [];
  for (const g of all) for (const n of namesIn(g, known) ?? []) if (!out.includes(n)) out.push(n);
  return out.length ? out : null;
}
