/**
 * Passage attribution: which mechanism each sentence of a paragraph is about.
 *
 * A sentence that names one or more mechanisms is about them. A sentence that
 * names none continues the subject of the sentence before it (the last sentence
 * that named a mechanism), until a sentence names another one. Sentences before
 * the first named mechanism are about no mechanism.
 *
 * Example (A/HRC/14/32 para. 88): sentence 1 names the CoE Convention, sentences
 * 2–5 name nothing and stay with the CoE, sentence 6 names OSCE.
 */
import { sentenceBounds, type Sentence } from './sentences.ts';

export interface SpanMention {
  mechanism_id: string;
  char_start: number;
  char_end: number;
}

export interface AttributedSentence extends Sentence {
  /** Mechanisms the sentence itself names, in order of first appearance. */
  named: string[];
  /** Mechanisms the sentence is attributed to (named, or carried over). */
  about: string[];
}

function byStart(a: SpanMention, b: SpanMention): number {
  return a.char_start - b.char_start;
}

function sortedByStart<M extends SpanMention>(mentions: readonly M[]): readonly M[] {
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i - 1].char_start > mentions[i].char_start) return [...mentions].sort(byStart);
  }
  return mentions; // already in text order (the usual case): no copy
}

export function attributeSentences(text: string, mentions: readonly SpanMention[]): AttributedSentence[] {
  const b = sentenceBounds(text);
  const n = b.length / 2;
  const sorted = sortedByStart(mentions);
  const out: AttributedSentence[] = new Array(n);
  let current: string[] = [];
  let m = 0;
  for (let s = 0; s < n; s++) {
    const start = b[2 * s];
    const end = b[2 * s + 1];
    // a mention belongs to the sentence its start falls in (sentences tile the text up to whitespace)
    const limit = s + 1 < n ? b[2 * s + 2] : Infinity;
    const named: string[] = [];
    while (m < sorted.length && sorted[m].char_start < limit) {
      if (!named.includes(sorted[m].mechanism_id)) named.push(sorted[m].mechanism_id);
      m++;
    }
    if (named.length > 0) current = named;
    out[s] = { index: s + 1, start, end, text: text.slice(start, end), named, about: current.slice() };
  }
  return out;
}

/** Mechanism → the sentences of its passage, in text order. */
export function passagesByMechanism(sentences: readonly AttributedSentence[]): Map<string, AttributedSentence[]> {
  const byMech = new Map<string, AttributedSentence[]>();
  for (const s of sentences) {
    for (const id of s.about) {
      let list = byMech.get(id);
      if (!list) byMech.set(id, (list = []));
      list.push(s);
    }
  }
  return byMech;
}
