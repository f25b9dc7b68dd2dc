/**
 * A paragraph met again (same text, heading and mentions) gives the same claims without
 * being read again (pipelines/resolve/claims/paragraph-memo.ts); the copies carry their own
 * document and paragraph, and a repeated text with other mentions is read afresh.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../../pipelines/resolve/extract-claims.ts';
import { seedClaims } from './seed-claims.ts';

describe('claims of repeated paragraphs', () => {
  const { paragraphs, mentions, model, claims } = seedClaims();
  const copy = <T extends { doc_id: string }>(rows: readonly T[], doc: string) => rows.map((r) => ({ ...r, doc_id: doc }));
  const body = (ms: typeof mentions) => ms.filter((m) => !m.in_footnote);

  it('gives a second document with the same text the same claims, under its own id', () => {
    const twice = claimsOf([...paragraphs, ...copy(paragraphs, 'z-copy')] as never, [...mentions, ...copy(mentions, 'z-copy')] as never, model);
    const first = twice.filter((c) => c.doc_id === 'a-hrc-14-32');
    const second = twice.filter((c) => c.doc_id === 'z-copy');
    expect(first).toEqual(claims);
    expect(second).toEqual(claims.map((c) => ({ ...c, doc_id: 'z-copy' })));
    expect(second[0]).not.toBe(first[0]); // rows of their own, not shared objects
  });

  it('reads a repeated text again when its mentions differ', () => {
    const para = paragraphs.find((p) => p.para_no === 105)!;
    const las = body(mentions).filter((m) => m.para_no === 105);
    expect(las.length).toBeGreaterThan(1);
    const fewer = las.slice(0, 1).map((m) => ({ ...m, doc_id: 'z-copy' }));
    const out = claimsOf([para, { ...para, doc_id: 'z-copy' }] as never, [...las, ...fewer] as never, model);
    const again = out.filter((c) => c.doc_id === 'z-copy' && c.via === 'mention');
    expect(again.map((c) => c.char_start)).toEqual([fewer[0].char_start]);
  });
});
