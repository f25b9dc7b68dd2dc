/** Stage check-citations: every paragraph the registry cites says what the registry says it does. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';
import { checkReferenceCitations, checkRegistryCitations, REGISTRY_SOURCE_SYMBOL } from './check-citations.ts';

export const checkCitationsStage = defineStage({
  name: 'check-citations',
  module: import.meta.url,
  inputs: ['paragraphs', 'footnotes', 'documents', 'mechanisms', 'instruments', 'mechanism_members', 'reference_citations'],
  outputs: [],
  run: (t, ctx) => {
    const folder = join(ctx.dataDir, 'registry', 'mechanisms');
    const fileOf = (id: string) => (existsSync(folder) ? join(folder, `${id}.yaml`) : join(ctx.dataDir, 'registry', 'mechanisms.yaml'));
    const checked = checkRegistryCitations(t, fileOf);
    if (!checked) ctx.log.info(`check-citations: the registry cites ${REGISTRY_SOURCE_SYMBOL}, which is not in this corpus; its paragraph citations were not checked`);
    const refs = checkReferenceCitations(t, fileOf);
    if (refs.checked > 0 && refs.absent.length) {
      ctx.log.info(`check-citations: ${refs.checked} reference citations checked; not in this corpus, so not checked: ${refs.absent.join(', ')}`);
    }
    return {};
  },
});
