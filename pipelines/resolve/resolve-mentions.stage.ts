/** Stage resolve-mentions: every mention of a mechanism in the paragraphs and footnotes, and the acronyms left unresolved. */
import { defineStage } from '../core/stage.ts';
import { resolveMentions } from './resolve-mentions.ts';

export const resolveMentionsStage = defineStage({
  name: 'resolve-mentions',
  module: import.meta.url,
  inputs: ['paragraphs', 'footnotes', 'mechanism_references', 'non_mechanisms'],
  outputs: ['mentions', 'unresolved_acronyms'],
  run: (t) => {
    const r = resolveMentions(t.paragraphs, t.footnotes, t.mechanism_references, t.non_mechanisms.map((n) => n.surface));
    return { mentions: r.mentions, unresolved_acronyms: r.unresolved };
  },
});
