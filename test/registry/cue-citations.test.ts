/**
 * Every cue of the claims model (data/registry/claims.yaml) and of the recommendation
 * asks (recommendation_asks.yaml) cites the paragraphs of A/HRC/14/32 it was written
 * for: each cited paragraph's text must contain a match. A cue citing no paragraph must
 * say why in a note.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeReport, parseReport } from '../../pipelines/ingest/parse-report/index.ts';

const SEED = 'seeds/A_HRC_14_32_en.txt';
const paras = new Map(parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'd' }).paragraphs.map((p) => [p.para_no, p.text]));

interface Cue { pattern: string; paragraphs: number[]; note?: string; not_evidence?: number[] }

/** Every cue in a parsed file, with the note of the nearest record that has one (an ask's note covers its cues). */
function cuesOf(node: unknown, path: string, note?: string, out: { path: string; cue: Cue }[] = []): { path: string; cue: Cue }[] {
  if (Array.isArray(node)) node.forEach((n, i) => cuesOf(n, `${path}[${i}]`, note, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const here = typeof o.note === 'string' ? o.note : note;
    if (typeof o.pattern === 'string' && Array.isArray(o.paragraphs)) out.push({ path, cue: { ...(o as unknown as Cue), note: here } });
    else for (const [k, v] of Object.entries(o)) cuesOf(v, `${path}.${k}`, here, out);
  }
  return out;
}

describe.each(['data/registry/claims.yaml', 'data/registry/recommendation_asks.yaml'])('%s', (file) => {
  const cues = cuesOf(parse(readFileSync(file, 'utf8')), '');

  it('has cues', () => expect(cues.length).toBeGreaterThan(20));

  it('every cue matches the text of every paragraph it cites', () => {
    const bad: string[] = [];
    for (const { path, cue } of cues) {
      const re = new RegExp(cue.pattern, 'i');
      for (const p of [...cue.paragraphs, ...(cue.not_evidence ?? [])]) {
        const text = paras.get(p);
        if (text === undefined) bad.push(`${path}: paragraph ${p} does not exist`);
        else if (!re.test(text)) bad.push(`${path}: /${cue.pattern}/ does not match paragraph ${p}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a cue citing no paragraph says why', () => {
    const silent = cues.filter(({ cue }) => cue.paragraphs.length === 0 && !cue.note).map(({ path }) => path);
    expect(silent).toEqual([]);
  });
});
