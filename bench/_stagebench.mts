import { openDb, query } from '../pipelines/lib/db.ts';
import { resolveMentions } from '../pipelines/stages/resolve-mentions.ts';
import { attributeEvidence, withKeywords } from '../pipelines/stages/attribute-evidence.ts';
import { collectDataRequests } from '../pipelines/stages/collect-data-requests.ts';
import { collectDataInitiatives, loadDataCollectionCues } from '../pipelines/stages/collect-data-initiatives.ts';
import { createHash } from 'node:crypto';
const db = await openDb(process.argv[2] ?? '/tmp/abs/ph1000/atlas.duckdb', { readOnly: true });
const T: Record<string, any[]> = {};
for (const t of ['paragraphs', 'footnotes', 'mechanism_references', 'non_mechanisms', 'themes', 'theme_keywords', 'recommendation_themes', 'mechanisms'])
  T[t] = await query(db, `SELECT * FROM ${t}`);
db.close();
const h = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 12);
const only = process.env.ONLY?.split(',');
const time = <X,>(name: string, f: () => X): X => {
  const t0 = performance.now(); const c0 = process.cpuUsage(); const r = f(); const c = process.cpuUsage(c0); console.log(name.padEnd(26), (performance.now() - t0).toFixed(0).padStart(6), 'ms wall', ((c.user + c.system) / 1000).toFixed(0).padStart(6), 'ms cpu', h(r)); return r;
};
const r = time('resolve-mentions', () => resolveMentions(T.paragraphs, T.footnotes, T.mechanism_references, T.non_mechanisms.map((n) => String(n.surface))));
if (!only || only.includes('ae')) time('attribute-evidence', () => attributeEvidence(T.paragraphs, r.mentions, withKeywords(T.themes, T.theme_keywords), T.recommendation_themes));
if (!only || only.includes('dr')) time('collect-data-requests', () => collectDataRequests(T.paragraphs, r.mentions, T.mechanisms));
if (!only || only.includes('di')) time('collect-data-initiatives', () => collectDataInitiatives(T.paragraphs, r.mentions, loadDataCollectionCues('data/registry/data_collection.yaml')));
