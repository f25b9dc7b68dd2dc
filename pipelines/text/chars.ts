/** Character classes shared by the matcher, the acronym scanner and the sentence splitter. */

const WORD_RE = /[\p{L}\p{N}]/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

/** A letter or a digit (any script): the characters a word boundary separates. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_RE.test(String.fromCharCode(c));
}

export function isWordCharAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}

/** Whitespace as it occurs in extracted text: space, tab, line breaks, no-break and thin spaces. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2007 || c === 0x200a;
}

export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && UPPER_RE.test(ch);
}

export function isLower(ch: string | undefined): boolean {
  return ch !== undefined && LOWER_RE.test(ch);
}
