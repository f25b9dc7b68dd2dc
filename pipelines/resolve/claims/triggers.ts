/**
 * Literal triggers: a cheap first pass before the theme cues. For every
 * alternative of a cue we take the longest run of literal characters that any
 * match must contain (lower-cased); a sentence that contains none of a theme's
 * triggers cannot match the theme's cues, so its regular expressions are not
 * run. One scan of a combined expression finds the candidate themes of a
 * sentence (the 1,000-document corpus has 300,000 claims; testing twenty theme
 * expressions on each took most of the claims stage).
 *
 * A cue alternative with no literal run of three or more characters gives its
 * theme no trigger set (null): that theme is always tested.
 */

/** Split a pattern on its top-level alternation bars. */
function branches(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { out.push(src.slice(start, i)); start = i + 1; }
  }
  out.push(src.slice(start));
  return out;
}

const QUANTIFIER = /^[?*+{]/;

/**
 * Literals one of which every match of this alternative contains, lower-cased: its longest
 * literal run, or else the alternatives of a group that must match ("(?:convention|declaration)"),
 * each with its own required literal; null when there is none of three characters or more.
 */
function requiredLiterals(branch: string): string[] | null {
  let best = '';
  let run = '';
  let group: string[] | null = null;
  const flush = () => { if (run.length > best.length) best = run; run = ''; };
  for (let i = 0; i < branch.length; i++) {
    const c = branch[i];
    if (c === '\\') {
      const e = branch[i + 1];
      i++;
      if (e === 'b' || e === 'B') continue; // zero-width: the run goes on
      if (/[.\-'’/()[\]{}*+?|^$\\ ]/.test(e) && !QUANTIFIER.test(branch[i + 1] ?? '')) { run += e; continue; }
      flush();
      continue;
    }
    if (c === '(' || c === '[') {
      flush();
      const open = i;
      let depth = 0;
      for (; i < branch.length; i++) {
        const d = branch[i];
        if (d === '\\') { i++; continue; }
        if (d === '(' || d === '[') depth++;
        else if (d === ')' || d === ']') { depth--; if (depth === 0) break; }
      }
      // a plain or non-capturing group that must match (no quantifier after it, not a look-around)
      const inner = branch.slice(open + 1, i);
      if (c === '(' && !QUANTIFIER.test(branch[i + 1] ?? '') && !/^\?[=!<]/.test(inner) && group === null) {
        const alts = branches(inner.replace(/^\?:/, '')).map(requiredLiterals);
        if (alts.every((a) => a !== null)) group = alts.flat() as string[];
      }
      continue;
    }
    if (c === '{') { flush(); i = branch.indexOf('}', i); if (i < 0) break; continue; } // a quantifier {m,n}
    if ('.^$'.includes(c) || QUANTIFIER.test(c)) { flush(); continue; }
    if (QUANTIFIER.test(branch[i + 1] ?? '')) { flush(); continue; } // "s?" : the letter may be absent
    run += c;
  }
  flush();
  if (best.trim().length >= 3) return [best.toLowerCase()];
  return group;
}

/** The triggers of a list of cue patterns, or null when one alternative has none. */
export function triggersOf(patterns: readonly string[]): string[] | null {
  const out = new Set<string>();
  for (const p of patterns) {
    for (const b of branches(p)) {
      const lits = requiredLiterals(b);
      if (lits === null) return null;
      for (const l of lits) out.add(l);
    }
  }
  return [...out];
}

export interface TriggerIndex {
  /** Indexes of the themes to test on a sentence (always-tested themes included). */
  candidates(lowerText: string): Set<number>;
}

/** One scan per sentence: themes whose triggers occur, plus the themes without triggers. */
export function buildTriggerIndex(themeTriggers: readonly (string[] | null)[]): TriggerIndex {
  const always = themeTriggers.flatMap((t, i) => (t === null ? [i] : []));
  const byTrigger = new Map<string, number[]>();
  themeTriggers.forEach((ts, i) => ts?.forEach((t) => byTrigger.set(t, [...(byTrigger.get(t) ?? []), i])));
  const all = [...byTrigger.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // every trigger that is a prefix of another also occurs where the longer one does
  const themesAt = new Map(all.map((t) => [t, [...new Set(all.filter((u) => t.startsWith(u)).flatMap((u) => byTrigger.get(u)!))]]));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const scan = all.length ? new RegExp(all.map(escape).join('|'), 'g') : null;
  return {
    candidates(lower: string): Set<number> {
      const found = new Set<number>(always);
      if (!scan) return found;
      scan.lastIndex = 0;
      for (let m = scan.exec(lower); m; m = scan.exec(lower)) {
        for (const i of themesAt.get(m[0])!) found.add(i);
        scan.lastIndex = m.index + 1;
      }
      return found;
    },
  };
}
