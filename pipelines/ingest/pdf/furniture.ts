/**
 * Page furniture, told from the body by position: the running header (the
 * document symbol, "Page 5"), the page number and the job number (GE.10-12049,
 * "(E)", the print date) in the top and bottom margins, and the first page's
 * masthead (United Nations, General Assembly, Distr., symbol, date, Original).
 */
import type { VisualLine } from './page-lines.ts';

/** Share of the page height at the top and the bottom that holds headers and footers. */
const TOP_MARGIN = 0.095;
const BOTTOM_MARGIN = 0.12;

/** A UN document symbol such as A/HRC/14/32, A/HRC/WG.6/7/SVN/2 or E/CN.4/2005/L.10/Add.1. */
export const SYMBOL = /^[A-Z]{1,8}(?:\/[A-Za-z0-9.()-]{1,24}){2,9}$/;
const FURNITURE_TOKEN = [
  SYMBOL,
  /^(?:Page|page)\s+\d{1,4}$/,
  /^-?\s?\d{1,4}\s?-?$/,
  /^GE\.\d{2}-\d{3,6}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{6})?$/,
  /^\([A-Z]\)(?:\s+\d{6}){0,2}$/,
  /^\d{6}$/,
  /^\*\d{5,}\*$/,
  /^Please recycle$/i,
  /^[\uE000-\uF8FF*\s]+$/, // a bar code set in a private-use font
];

/** Is every segment of the line a header/footer token? */
export function isFurnitureText(segments: readonly { text: string }[]): boolean {
  return segments.length > 0 && segments.every((s) => {
    const t = s.text.trim();
    return t === '' || FURNITURE_TOKEN.some((re) => re.test(t));
  });
}

/** Lines in the top or bottom margin made only of header/footer tokens. */
export function isPageFurniture(line: VisualLine, pageHeight: number): boolean {
  const inMargin = line.y > pageHeight * (1 - TOP_MARGIN) || line.y < pageHeight * BOTTOM_MARGIN;
  return inMargin && isFurnitureText(line.segments);
}

/**
 * The masthead of the first page: every line from the top down to the line
 * "Original: English" (or, without one, the date under "Distr."). Returns the
 * number of lines it spans from the top of `lines` (0 when there is none).
 */
export function mastheadLength(lines: readonly VisualLine[]): number {
  const head = lines.slice(0, 14);
  let end = head.findIndex((l) => /\bOriginal\s*:/i.test(l.text));
  if (end < 0) {
    const distr = head.findIndex((l) => /\bDistr\.?\b/i.test(l.text));
    if (distr < 0) return 0;
    end = distr;
    for (let i = distr + 1; i < head.length && i <= distr + 4; i++) {
      if (SYMBOL.test(head[i].text) || /^(?:\d{1,2}\s+\p{L}+\s+\d{4}|GENERAL|General)$/u.test(head[i].text.trim())) end = i;
    }
  }
  return end + 1;
}
