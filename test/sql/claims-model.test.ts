/**
 * The SQL models claims and evidence (pipelines/sql/intermediate/) put back the words that
 * extract-claims writes as offsets (claim_spans, claim_theme_sets): on the seed's claims, and
 * on a copy of the seed whose paragraphs open with a character outside the Basic Multilingual
 * Plane (UTF-16 counts it twice, DuckDB's substring once), every claims row equals the claim
 * that JavaScript computed, word for word, and every evidence row equals the claims grouped by
 * theme in JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, query, writeRows, type Db } from '../../pipelines/core/db.ts';
import { createMacros, readModel, runModel } from '../../pipelines/core/sql-models.ts';
import { orderedSelect } from '../../pipelines/core/sql.ts';
import { tableSpec } from '../../pipelines/catalog/index.ts';
import { claimTables, type ClaimRow } from '../../pipelines/resolve/extract-claims.ts';
import { seedClaims } from '../resolve/claims/seed-claims.ts';

const EMOJI = '\u{1F642} '; // 3 UTF-16 units, 2 code points
const { paragraphs, mentions, model } = seedClaims();
const shifted = paragraphs.map((p) => ({ ...p, doc_id: 'z-emoji', text: EMOJI + p.text }));
const shiftedMentions = mentions.map((m) => ({
  ...m, doc_id: 'z-emoji', ...(m.in_footnote ? {} : { char_start: m.char_start + EMOJI.length, char_end: m.char_end + EMOJI.length }),
}));
const tables = claimTables([...paragraphs, ...shifted] as never, [...mentions, ...shiftedMentions] as never, model);

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await writeRows(db, tableSpec('documents'), []); // the citation macros refer to it
  await writeRows(db, tableSpec('paragraphs'), [...paragraphs, ...shifted] as never);
  await writeRows(db, tableSpec('claim_spans'), tables.claim_spans as never);
  await writeRows(db, tableSpec('claim_theme_sets'), tables.claim_theme_sets as never);
  await createMacros(db);
  await runModel(db, readModel('intermediate', 'claims'));
  await runModel(db, readModel('intermediate', 'evidence'));
});
afterAll(() => db?.close());

/** A claim as the claims table holds it: its columns, in its key order. */
function asClaimsRow(c: ClaimRow): Record<string, unknown> {
  return Object.fromEntries(tableSpec('claims').columns.map((col) => [col.name, c[col.name as keyof ClaimRow]]));
}
const keyOrder = (a: ClaimRow, b: ClaimRow) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0)
  || a.para_no - b.para_no || a.char_start - b.char_start || (a.mechanism_id < b.mechanism_id ? -1 : a.mechanism_id > b.mechanism_id ? 1 : 0);

describe('claims.sql', () => {
  it('gives every claim the sentence, surface and themes that JavaScript found', async () => {
    const rows = await query(db, orderedSelect(tableSpec('claims')));
    expect(rows.length).toBe(tables.claim_spans.length);
    expect(rows).toEqual([...tables.claim_spans].sort(keyOrder).map(asClaimsRow));
  });

  it('slices by UTF-16 offsets after a character outside the BMP', async () => {
    const rows = await query<{ sentence: string; surface: string; sentence_no: number; via: string }>(db,
      "SELECT sentence, surface, sentence_no, via FROM claims WHERE doc_id = 'z-emoji' ORDER BY para_no, char_start, mechanism_id");
    const original = await query<{ sentence: string; surface: string }>(db,
      "SELECT sentence, surface FROM claims WHERE doc_id = 'a-hrc-14-32' ORDER BY para_no, char_start, mechanism_id");
    expect(rows.length).toBe(original.length);
    expect(rows.length).toBeGreaterThan(100);
    // the emoji opens each paragraph, so only first sentences (and continuations naming their first words) carry it
    rows.forEach((r, i) => {
      expect(r.sentence.replace(EMOJI, '')).toBe(original[i].sentence);
      expect(r.surface.replace(EMOJI, '')).toBe(original[i].surface);
    });
    expect(rows.some((r) => r.sentence.startsWith(EMOJI))).toBe(true);
  });

  it('numbers each distinct theme list once', () => {
    const keys = tables.claim_theme_sets.map((t) => JSON.stringify([t.themes, t.theme_sources]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(tables.claim_theme_sets.map((t) => t.theme_set)).toEqual(keys.map((_, i) => i));
    for (const c of tables.claim_spans) {
      expect(tables.claim_theme_sets[c.theme_set]).toMatchObject({ themes: c.themes, theme_sources: c.theme_sources });
    }
  });
});

/**
 * Evidence as its catalog entry defines it, computed from the claims JavaScript found: one row per
 * document × mechanism × theme × paragraph × role; the first sentence and its theme source; the
 * quote, every sentence of the group once, in text order.
 */
function expectedEvidence(claims: readonly ClaimRow[]): Record<string, unknown>[] {
  const groups = new Map<string, { row: Record<string, unknown>; sentences: Map<number, { sentence: string; source: string }> }>();
  for (const c of claims) {
    c.themes.forEach((theme_id, i) => {
      const key = JSON.stringify([c.doc_id, c.mechanism_id, theme_id, c.para_no, c.role]);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { row: { doc_id: c.doc_id, mechanism_id: c.mechanism_id, theme_id, para_no: c.para_no, role: c.role, part: c.part }, sentences: new Map() }));
      const had = g.sentences.get(c.sentence_no);
      // the claims of one sentence give a theme the same source (extract.ts: themes are the sentence's)
      if (had) expect(had).toEqual({ sentence: c.sentence, source: c.theme_sources[i] });
      else g.sentences.set(c.sentence_no, { sentence: c.sentence, source: c.theme_sources[i]! });
    });
  }
  return [...groups.values()].map(({ row, sentences }) => {
    const inOrder = [...sentences.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    return { ...row, theme_source: inOrder[0]!.source, sentence: inOrder[0]!.sentence, quote: inOrder.map((v) => v.sentence).join(' ') };
  });
}

describe('evidence.sql', () => {
  it('groups the claims by theme with the words JavaScript found, after an astral character too', async () => {
    const rows = await query(db, orderedSelect(tableSpec('evidence')));
    const cmp = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify([a.doc_id, a.mechanism_id, a.theme_id, a.para_no, a.role])
      .localeCompare(JSON.stringify([b.doc_id, b.mechanism_id, b.theme_id, b.para_no, b.role]));
    const expected = expectedEvidence(tables.claim_spans).sort(cmp);
    expect(rows.length).toBe(expected.length);
    expect([...rows].sort(cmp)).toEqual(expected);
    // several sentences in one quote, and the astral copy's quotes keep the character
    expect(rows.some((r) => String(r.quote).length > String(r.sentence).length)).toBe(true);
    expect(rows.some((r) => r.doc_id === 'z-emoji' && String(r.quote).startsWith(EMOJI))).toBe(true);
  });
});
