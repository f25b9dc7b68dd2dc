/**
 * The claims of a paragraph depend only on its text, its heading (and whether the heading
 * gives a theme) and its mentions (where they are and whom they name). Reports repeat
 * paragraphs (standard wording, a paragraph carried from one session's report to the next,
 * versions of a document), so a paragraph met again with the same mentions is not read
 * again: its claims are copied. One lookup by text per paragraph; the memory is emptied
 * when it holds MAX paragraphs, which bounds it on a corpus of unique paragraphs.
 */
import type { ClaimMention, ClaimParagraph } from './extract.ts';

const MAX = 20_000;

interface Entry<T> { heading: string | null; headingGivesTheme: boolean; mentions: readonly ClaimMention[]; value: T }

function sameMentions(a: readonly ClaimMention[], b: readonly ClaimMention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.char_start !== y.char_start || x.char_end !== y.char_end || x.mechanism_id !== y.mechanism_id || x.surface !== y.surface) return false;
  }
  return true;
}

export class ParagraphMemo<T> {
  private memo = new Map<string, Entry<T>>();

  /** What was remembered for this paragraph with these mentions (in the same order), or undefined. */
  get(p: ClaimParagraph, mentions: readonly ClaimMention[]): T | undefined {
    const e = this.memo.get(p.text);
    if (!e || e.heading !== p.heading || e.headingGivesTheme !== p.heading_gives_theme || !sameMentions(e.mentions, mentions)) return undefined;
    return e.value;
  }

  set(p: ClaimParagraph, mentions: readonly ClaimMention[], value: T): void {
    if (this.memo.size >= MAX) this.memo = new Map();
    this.memo.set(p.text, { heading: p.heading, headingGivesTheme: p.heading_gives_theme, mentions, value });
  }
}
