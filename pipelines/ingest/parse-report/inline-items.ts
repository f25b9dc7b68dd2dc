/**
 * Sub-items run into the text of a paragraph: "CRC recommended that Slovenia
 * (a) put an end to …; (b) investigate …; and (c) increase …". A run counts
 * when it starts at "(a)" and goes on with "(b)", "(c)" … in order; a letter
 * that follows a number or a bracket ("paragraph 15 (a)", "art. 5 (2)(a)")
 * refers to another text and is not an item.
 */

export interface InlineItem {
  no: string;
  label: string;
  text: string;
}

const LETTER = /\(([a-z])\)\s/g;

export function inlineItems(text: string): InlineItem[] {
  // a run starts at "(a)": without one there is none (a native search, most paragraphs)
  if (!text.includes('(a)')) return [];
  type Mark = { letter: string; at: number; end: number };
  let best: Mark[] = [];
  let run: Mark[] = [];
  const keep = () => { if (run.length >= 2 && run.length > best.length) best = run; };
  for (const m of text.matchAll(LETTER)) {
    const at = m.index ?? 0;
    if (/[\d)]\s?$/.test(text.slice(Math.max(0, at - 3), at))) continue;
    const mark = { letter: m[1], at, end: at + m[0].length };
    if (m[1] === 'a') { keep(); run = [mark]; continue; }
    const last = run[run.length - 1];
    if (last && m[1].charCodeAt(0) === last.letter.charCodeAt(0) + 1) run.push(mark);
  }
  keep();
  return best.map((f, i) => {
    const stop = i + 1 < best.length ? best[i + 1].at : text.length;
    const body = text.slice(f.end, stop).trim().replace(/\s+(?:and|or)$/, '');
    return { no: f.letter, label: `(${f.letter})`, text: body };
  });
}
