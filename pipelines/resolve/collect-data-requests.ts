/**
 * Collect data requests: the organisations the Special Rapporteur wrote to for
 * information, and whether they answered.
 *
 * The paragraph is found by its cue ("sent letters requesting information"), not
 * by number. It has two clauses: the one that thanks organisations "for the
 * responses received" (responded = true) and the one in which she "regrets not
 * having yet received a response from" the others (responded = false). Every
 * mechanism mentioned inside a clause gives one row, quoting the clause. A
 * mention in that paragraph outside both clauses, or a mechanism in both, is an
 * error: the list would no longer say who answered.
 *
 * The request for information is part of the rapporteur-thematic profile
 * (the shape of A/HRC/14/32): given the documents that have the profile, only
 * they are read, each must report its request, and a corpus without such a
 * document gives no rows.
 */
import type { RowOf } from '../catalog/types.ts';
import type { paragraphs } from '../catalog/report.ts';
import type { mechanisms as mechanismsSpec } from '../catalog/registry.ts';
import type { data_requests, mentions as mentionsSpec } from '../catalog/evidence.ts';
import { AtlasError } from '../core/errors.ts';
import { splitSentences } from '../text/sentences.ts';

export type DataRequestRow = RowOf<typeof data_requests>;
export type ParagraphInput = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'text'>;
export type MentionInput = Pick<RowOf<typeof mentionsSpec>, 'doc_id' | 'para_no' | 'in_footnote' | 'mechanism_id' | 'char_start' | 'char_end'>;
export type MechanismInput = Pick<RowOf<typeof mechanismsSpec>, 'mechanism_id' | 'region'>;

const STAGE = 'collect-data-requests';

export interface DataRequestCues {
  /** Marks the paragraph that reports the letters. */
  letters: RegExp;
  /** Ends the clause listing the organisations that answered. */
  responded: RegExp;
  /** Opens the clause listing the organisations that did not answer. */
  notResponded: RegExp;
}

export const DEFAULT_DATA_REQUEST_CUES: DataRequestCues = {
  letters: /\bsent\s+letters\s+requesting\s+information\b/i,
  responded: /\bfor\s+the\s+responses?\s+(?:received|sent|provided)\b/i,
  notResponded: /\bregrets?\s+not\s+having\s+(?:yet\s+)?received\s+(?:a\s+)?(?:response|reply|responses|replies)\s+from\b/i,
};

interface Clause {
  responded: boolean;
  start: number;
  end: number;
}

function findClauses(text: string, cues: DataRequestCues, where: { stage: string; record: string }): Clause[] {
  const sentences = splitSentences(text);
  const sentenceAt = (pos: number) => sentences.find((s) => s.start <= pos && pos < s.end);
  const yes = cues.responded.exec(text);
  const no = cues.notResponded.exec(text);
  if (!yes) throw new AtlasError(`no clause thanking organisations for their responses (${cues.responded.source})`, where);
  if (!no) throw new AtlasError(`no clause listing organisations that did not respond (${cues.notResponded.source})`, where);
  const sYes = sentenceAt(yes.index)!;
  const sNo = sentenceAt(no.index)!;
  const clauses: Clause[] = [];
  if (sYes === sNo) {
    // one sentence with both clauses: the thanks run up to the end of their cue, the regrets from there on
    const yesEnd = yes.index + yes[0].length;
    if (no.index < yesEnd) throw new AtlasError('the two clauses overlap', where);
    const noStart = yesEnd + /^[\s,;]*(?:and\s+)?/.exec(text.slice(yesEnd))![0].length;
    clauses.push({ responded: true, start: sYes.start, end: yesEnd });
    clauses.push({ responded: false, start: noStart, end: sNo.end });
  } else {
    clauses.push({ responded: true, start: sYes.start, end: sYes.end });
    clauses.push({ responded: false, start: sNo.start, end: sNo.end });
  }
  return clauses;
}

export function collectDataRequests(
  paras: readonly ParagraphInput[],
  mentions: readonly MentionInput[],
  mechanismRows: readonly MechanismInput[],
  cues: DataRequestCues = DEFAULT_DATA_REQUEST_CUES,
  profileDocs?: ReadonlySet<string>,
): DataRequestRow[] {
  if (profileDocs?.size === 0) return [];
  // one pass over the paragraphs: those of the documents read that report the letters
  const hits = paras.filter((p) => (!profileDocs || profileDocs.has(p.doc_id)) && cues.letters.test(p.text));
  if (profileDocs) {
    const reporting = new Set(hits.map((p) => p.doc_id));
    for (const doc of profileDocs) {
      if (!reporting.has(doc)) {
        throw new AtlasError(`document ${doc} has the rapporteur-thematic profile but no paragraph says the Special Rapporteur sent letters requesting information (${cues.letters.source})`, {
          stage: STAGE, record: `document ${doc}`,
          hint: 'check the paragraphs table; if the document does not report such a request, set another profile for it in the seeds manifest',
        });
      }
    }
  }
  if (hits.length === 0) {
    throw new AtlasError(`no paragraph says the Special Rapporteur sent letters requesting information (${cues.letters.source})`, {
      stage: STAGE, hint: 'check the paragraphs table, or the cue in collect-data-requests.ts',
    });
  }
  const docs = new Set<string>();
  for (const p of hits) {
    if (docs.has(p.doc_id)) {
      throw new AtlasError(`more than one paragraph of ${p.doc_id} reports letters requesting information`, {
        stage: STAGE, record: `${p.doc_id} para ${p.para_no}`,
      });
    }
    docs.add(p.doc_id);
  }
  const region = new Map(mechanismRows.map((m) => [m.mechanism_id, m.region]));
  // body mentions of the paragraphs found, by document and paragraph (one pass over the mentions)
  // (document → paragraph → mentions: no key string built per mention)
  const wanted = new Map<string, Map<number, MentionInput[]>>(hits.map((p) => [p.doc_id, new Map([[p.para_no, []]])]));
  for (const m of mentions) {
    if (m.in_footnote) continue;
    wanted.get(m.doc_id)?.get(m.para_no)?.push(m);
  }
  const out: DataRequestRow[] = [];

  for (const p of hits) {
    const where = { stage: STAGE, record: `${p.doc_id} para ${p.para_no}` };
    const clauses = findClauses(p.text, cues, where);
    const ms = wanted.get(p.doc_id)!.get(p.para_no)!.sort((a, b) => a.char_start - b.char_start);
    const responded = new Map<string, boolean>();

    for (const c of clauses) {
      const inside = ms.filter((m) => m.char_start >= c.start && m.char_end <= c.end);
      const quote = p.text.slice(c.start, c.end);
      for (let i = 0; i < inside.length; i++) {
        const m = inside[i];
        if (responded.has(m.mechanism_id)) {
          if (responded.get(m.mechanism_id) !== c.responded) {
            throw new AtlasError(`${m.mechanism_id} is listed both as having responded and as not having responded`, where);
          }
          continue; // a second name for the same organisation, e.g. "Council of Europe (CoE)"
        }
        // the name as printed: this mention and the ones right after it that name the same organisation
        let j = i;
        while (j + 1 < inside.length && inside[j + 1].mechanism_id === m.mechanism_id) j++;
        let end = inside[j].char_end;
        const span = p.text.slice(m.char_start, end);
        if (p.text[end] === ')' && (span.split('(').length > span.split(')').length)) end++;
        const r = region.get(m.mechanism_id);
        if (r === undefined) {
          throw new AtlasError(`mention resolves to ${m.mechanism_id}, which is not in the mechanisms table`, { ...where, field: 'mechanism_id' });
        }
        responded.set(m.mechanism_id, c.responded);
        out.push({
          doc_id: p.doc_id, mechanism_id: m.mechanism_id, name_in_text: p.text.slice(m.char_start, end),
          region: r, responded: c.responded, para_no: p.para_no, quote,
        });
      }
    }
    for (const m of ms) {
      if (!clauses.some((c) => m.char_start >= c.start && m.char_end <= c.end)) {
        throw new AtlasError(
          `"${p.text.slice(m.char_start, m.char_end)}" (${m.mechanism_id}) at ${m.char_start} is in neither the responded nor the not-responded clause`,
          { ...where, hint: 'the paragraph no longer has the expected two lists; check it against the report' },
        );
      }
    }
  }
  return out;
}
