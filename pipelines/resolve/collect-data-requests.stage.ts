/** Stage collect-data-requests: what the rapporteur asks mechanisms for, and whether a later document answers. */
import { defineStage } from '../core/stage.ts';
import { collectDataRequests } from './collect-data-requests.ts';
import { checkResponseStatus } from './check-response-status.ts';

export const collectDataRequestsStage = defineStage({
  name: 'collect-data-requests',
  module: import.meta.url,
  inputs: ['paragraphs', 'mentions', 'mechanisms', 'documents'],
  outputs: ['data_requests'],
  run: (t) => {
    const profileDocs = new Set(t.documents.filter((d) => d.profile === 'rapporteur-thematic').map((d) => d.doc_id));
    const requests = collectDataRequests(t.paragraphs, t.mentions, t.mechanisms, undefined, profileDocs);
    checkResponseStatus(requests, t.mechanisms, t.documents);
    return { data_requests: requests };
  },
});
