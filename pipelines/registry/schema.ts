/**
 * zod schemas for the curated registry under data/registry.
 *
 * Vocabularies come from the catalog (pipelines/catalog/registry.ts) so the
 * YAML, the loader and the table checks can never disagree. Objects are strict:
 * a misspelt field is an error, not a silently ignored key.
 */
import { z } from 'zod';
import {
  INSTRUMENT_KINDS, MECHANISM_KINDS, PERSONAL_SCOPES, PILLARS, REGIONS,
} from '../catalog/registry.ts';

/** Paragraph numbers of A/HRC/14/32 run from 1 to 137. */
export const FIRST_PARA = 1;
export const LAST_PARA = 137;
/** Recommendations are paragraphs 106–137. */
export const FIRST_RECOMMENDATION = 106;
/** An instrument the 2010 report describes cannot postdate it, nor predate the UN. */
export const MIN_INSTRUMENT_YEAR = 1945;
export const MAX_INSTRUMENT_YEAR = 2010;

export const REFERENCE_KINDS = ['name', 'acronym', 'instrument', 'body', 'project', 'campaign', 'event', 'alias'] as const;
export const CUE_FAMILIES = ['gender', 'redress'] as const;

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase id: letters, digits and underscores, starting with a letter');
const text = z.string().trim().min(1, 'must not be empty');
const paraNo = z.number().int('must be a whole paragraph number')
  .min(FIRST_PARA, `paragraph must be between ${FIRST_PARA} and ${LAST_PARA}`)
  .max(LAST_PARA, `paragraph must be between ${FIRST_PARA} and ${LAST_PARA}`);
const paraList = z.array(paraNo).min(1, 'must cite at least one paragraph');
/** Shape only; whether the code exists is checked against country-codes.csv by the loader. */
export const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code (three capital letters)');
const paraKey = z.string().regex(/^\d+$/, 'keys must be paragraph numbers');

/** A paragraph of a document where a reference is printed: { symbol: A/HRC/WG.6/20/SVN/3, para: 30 }. */
export const citedInSchema = z.strictObject({
  symbol: z.string().regex(/^[A-Z][A-Za-z0-9.-]*(\/[A-Za-z0-9.()-]+)+$/, 'must be a UN document symbol, e.g. A/HRC/WG.6/20/SVN/3'),
  para: z.number().int('must be a whole paragraph number').min(1, 'paragraph numbers start at 1'),
});

export const referenceSchema = z.strictObject({
  surface: text,
  kind: z.enum(REFERENCE_KINDS),
  /**
   * Where the surface is printed, for a reference that A/HRC/14/32 does not print (GRETA's
   * sister bodies, EU-FRA, OSCE/ODIHR in the UPR documents): each document and paragraph
   * (the paragraph's text or its footnotes). The build checks those in its corpus; a
   * reference without it is printed in A/HRC/14/32, as the registry test checks.
   */
  cited_in: z.array(citedInSchema).min(1, 'give at least one paragraph, or leave cited_in out').optional(),
});

export const instrumentSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(INSTRUMENT_KINDS),
  year: z.number().int('year must be a whole number')
    .min(MIN_INSTRUMENT_YEAR, `impossible year: an instrument in this 2010 report must date from ${MIN_INSTRUMENT_YEAR}–${MAX_INSTRUMENT_YEAR}`)
    .max(MAX_INSTRUMENT_YEAR, `impossible year: an instrument in this 2010 report must date from ${MIN_INSTRUMENT_YEAR}–${MAX_INSTRUMENT_YEAR}`)
    .nullable(),
  /** Period the instrument covers, as printed (e.g. "2008–2010"), where the report gives one. */
  period: text.optional(),
  legally_binding: z.boolean(),
  personal_scope: z.enum(PERSONAL_SCOPES),
  is_main: z.boolean(),
  /** Set on a joint instrument: the other mechanism(s) that adopted it. */
  joint_with: z.array(id).optional(),
  paragraphs: paraList,
  /** Why the scope and binding values were chosen. */
  basis: text,
});

export const membersSchema = z.strictObject({
  /** Public source of the list, with URL and what it says about 2010. */
  source: text,
  /** verified: checked against the organisation's list; approximate: 2010 status of some members not verified. */
  confidence: z.enum(['verified', 'approximate']),
  countries: z.array(iso3).min(1, 'must list at least one member'),
  /** Associate members / associated states (not counted in n_members). */
  associates: z.array(iso3).optional(),
  associates_note: text.optional(),
  /** Paragraph → members the report itself names there. */
  paragraphs: z.record(paraKey, z.array(iso3).min(1)).optional(),
});

/** responded / did not respond: listed in para 3; not asked: absent from its lists. */
export const RESPONSE_STATUSES = ['responded', 'did not respond', 'not asked'] as const;

export const mechanismSchema = z.strictObject({
  id,
  name: text,
  acronym: text,
  kind: z.enum(MECHANISM_KINDS),
  region: z.enum(REGIONS),
  bodies: z.array(text).default([]),
  paragraphs: paraList,
  references: z.array(referenceSchema).min(1, 'must list at least one reference surface'),
  instruments: z.array(instrumentSchema).default([]),
  members: membersSchema.optional(),
  /** Required when members is absent: why no member list is recorded. */
  members_not_recorded: text.optional(),
  /** Answer to the Special Rapporteur's request for information (A/HRC/14/32, para. 3). */
  response_status: z.enum(RESPONSE_STATUSES),
  notes: text.optional(),
}).superRefine((m, ctx) => {
  if (!m.members && !m.members_not_recorded) {
    ctx.addIssue({ code: 'custom', path: ['members'], message: 'give a members list or say why in members_not_recorded' });
  }
  if (m.members && m.members_not_recorded) {
    ctx.addIssue({ code: 'custom', path: ['members_not_recorded'], message: 'members_not_recorded must not be set when members is given' });
  }
  const mains = m.instruments.filter((i) => i.is_main);
  if (mains.length > 1) {
    const idx = m.instruments.findIndex((i, k) => i.is_main && k > m.instruments.indexOf(mains[0]));
    ctx.addIssue({ code: 'custom', path: ['instruments', idx, 'is_main'], message: `only one main instrument per mechanism (also ${mains[0].id})` });
  }
});

export const themeSchema = z.strictObject({
  id,
  label: text,
  pillar: z.enum(PILLARS),
  /** Thematic headings of the report (as printed, no markup) that belong to the theme. */
  headings: z.array(text).min(1, 'must name at least one heading of the report'),
});

export const themesFileSchema = z.strictObject({
  themes: z.array(themeSchema).min(1),
});

export const cuesFileSchema = z.record(z.enum(CUE_FAMILIES), z.record(id, z.array(text).min(1)));

export const nonMechanismSchema = z.strictObject({
  surface: text,
  kind: z.enum(['acronym', 'name']),
  /** What it stands for. */
  name: text,
  reason: text,
  /** Mechanism it is related to (e.g. an EU tool), without being a reference to it. */
  related_mechanism: id.optional(),
});

export const nonMechanismsFileSchema = z.array(nonMechanismSchema);

export type MechanismRecord = z.infer<typeof mechanismSchema>;
export type InstrumentRecord = z.infer<typeof instrumentSchema>;
export type ThemesFile = z.infer<typeof themesFileSchema>;
export type NonMechanismRecord = z.infer<typeof nonMechanismSchema>;
