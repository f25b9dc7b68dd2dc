/** The claims of the real seed, computed in-process (no build): parse, registry, mentions, claims. */
import { readFileSync } from 'node:fs';
import { decodeReport, parseReport } from '../../../pipelines/ingest/parse-report/index.ts';
import { loadRegistry } from '../../../pipelines/registry/load-registry.ts';
import { loadClaimModel } from '../../../pipelines/registry/load-claim-rules.ts';
import { resolveMentions } from '../../../pipelines/resolve/resolve-mentions.ts';
import { claimsOf, type ClaimRow } from '../../../pipelines/resolve/extract-claims.ts';
import type { SentenceSplitter } from '../../../pipelines/resolve/claims/extract.ts';

export const SEED = 'seeds/A_HRC_14_32_en.txt';

export function seedClaims(registryDir = 'data/registry', split?: SentenceSplitter) {
  const text = decodeReport(readFileSync(SEED), SEED);
  const parsed = parseReport(text, { file: SEED, docId: 'a-hrc-14-32' });
  const reg = loadRegistry('data/registry');
  const { mentions } = resolveMentions(parsed.paragraphs as never, parsed.footnotes as never, reg.mechanism_references as never,
    reg.non_mechanisms.map((n) => n.surface));
  const model = loadClaimModel(registryDir, reg.themes as never, reg.cues as never);
  const claims: ClaimRow[] = claimsOf(parsed.paragraphs as never, mentions as never, model, split);
  return { paragraphs: parsed.paragraphs, mentions, claims, model };
}
