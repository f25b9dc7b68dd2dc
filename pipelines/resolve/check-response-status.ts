/** The document whose request for information the registry's response_status records. */
export const RESPONSE_STATUS_SOURCE = 'A/HRC/14/32';

/**
 * The registry's response_status (curated from A/HRC/14/32, para. 3) must agree
 * with the data requests read from the text: an organisation thanked for its
 * response is 'responded', one still awaited is 'did not respond', and a
 * mechanism in neither list is 'not asked'. Only the requests read from that
 * document are checked (other documents, e.g. the benchmark's synthetic ones,
 * have requests of their own); a corpus without it has nothing to check.
 */
import { AtlasError } from '../core/errors.ts';

export function checkResponseStatus(
  all: readonly { mechanism_id: string; responded: boolean; doc_id: string; para_no: number }[],
  mechanisms: readonly { mechanism_id: string; response_status: string }[],
  documents: readonly { doc_id: string; symbol: string }[],
): void {
  const source = new Set(documents.filter((d) => d.symbol === RESPONSE_STATUS_SOURCE).map((d) => d.doc_id));
  const requests = all.filter((r) => source.has(r.doc_id));
  if (requests.length === 0) return;
  const read = new Map(requests.map((r) => [r.mechanism_id, r]));
  for (const m of mechanisms) {
    const r = read.get(m.mechanism_id);
    const fromText = r ? (r.responded ? 'responded' : 'did not respond') : 'not asked';
    if (fromText !== m.response_status) {
      throw new AtlasError(`response_status is "${m.response_status}" but the text says "${fromText}"${r ? ` (${r.doc_id} para ${r.para_no})` : ' (in neither list of the request for information)'}`, {
        stage: 'collect-data-requests', file: `data/registry/mechanisms/${m.mechanism_id}.yaml`, record: m.mechanism_id, field: 'response_status',
        hint: 'correct response_status from the report\'s paragraph on the request for information',
      });
    }
  }
}
