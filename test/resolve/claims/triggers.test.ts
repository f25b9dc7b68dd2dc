import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTriggerIndex, triggersOf } from '../../../pipelines/resolve/claims/triggers.ts';
import { splitSentences } from '../../../pipelines/text/sentences.ts';
import { seedClaims } from './seed-claims.ts';

describe('triggersOf', () => {
  it('takes the longest literal run every match must contain', () => {
    expect(triggersOf(['\\bprevent(?:ing|ion)?\\b', 'awareness'])).toEqual(['prevent', 'awareness']);
    expect(triggersOf(['\\badopt\\w*\\b[^.;]{0,80}?\\b(?:plans? of action|work ?plan)'])).toEqual(['adopt']);
    expect(triggersOf(['(?<!women and )\\bchild|\\bgirls\\b'])).toEqual(['child', 'girls']);
  });

  it('falls back to the alternatives of a group that must match', () => {
    expect(triggersOf(['\\b(?:declaration|convention)\\b[^.;]{0,9}'])).toEqual(['declaration', 'convention']);
  });

  it('gives up (null) when an alternative has no literal of three characters', () => {
    expect(triggersOf(['\\w+ly'])).toBeNull();
    expect(triggersOf(['ab?c'])).toBeNull();
  });
});

describe('the trigger index never drops a theme its cues would find', () => {
  const { model, paragraphs } = seedClaims();
  const check = (text: string) => {
    const cands = model.triggers.candidates(text.toLowerCase());
    model.themes.forEach((t, i) => { if (t.cues.some((c) => c.re.test(text))) expect(cands.has(i), `${t.theme_id}: ${text}`).toBe(true); });
  };

  it('on every sentence of A/HRC/14/32', () => {
    for (const p of paragraphs) for (const s of splitSentences(p.text)) check(s.text);
  });

  it('on random text made of the cues\' own words', () => {
    const words = [...new Set(model.themes.flatMap((t) => t.cues.flatMap((c) => c.pattern.toLowerCase().match(/[a-z]{3,}/g) ?? [])))];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words, 'the', 'of', 'and', ',', '.'), { maxLength: 25 }), (ws) => check(ws.join(' '))), { numRuns: 500 });
  });

  it('finds a shorter trigger inside a longer one at the same place', () => {
    const idx = buildTriggerIndex([['train'], ['training'], null]);
    expect([...idx.candidates('the training of judges')].sort()).toEqual([0, 1, 2]);
    expect([...idx.candidates('no such word')]).toEqual([2]);
  });
});
