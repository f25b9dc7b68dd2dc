/**
 * Claims: what one sentence says about one mechanism.
 *
 * Each mention of a mechanism in a paragraph body is a claim with a role:
 * - comparison: the text just before it sets it up as a yardstick ("not as broad as the CoE Convention", para 37);
 * - participant: it takes part in another body's act ("with the participation of the CoE, EU and OSCE", para 61);
 * - passing: it is named in a list of examples or members ("in particular OAS, MERCOSUR, CAN", para 20);
 * - lacking: the text right after it says it lacks or fails to do something ("LAS lacked the necessary funds", para 105);
 * - actor: otherwise; the report describes it doing the activity.
 * Mentions in a list ("OSCE, COMMIT and the EU encourage", para 44) share one role,
 * read from the text before the list's first mention and after its last.
 *
 * A sentence whose mentions are none or not actors, and that opens with an anaphor
 * ("It", "This plan", "The Convention"), continues the subject of the sentence
 * before: every actor or lacking mechanism of that subject gets a claim on it (a
 * joint plan of two bodies gives both the claim, para 19). With carry_unnamed, a
 * sentence in which no named mechanism acts continues the subject too, unless it opens
 * with a topic shift ("Regional mechanisms ...", "Civil society ..."). Otherwise the chain ends.
 *
 * Themes of a claim: the theme its thematic heading gives (achievement and challenge
 * paragraphs) plus every theme one of whose cues matches the claim's sentence.
 */
import { sentenceBounds } from '../../text/sentences.ts';
import type { CompiledRules, Role } from './rules.ts';
import { normalizeHeading } from './rules.ts';

export interface ClaimMention {
  mechanism_id: string;
  surface: string;
  char_start: number;
  char_end: number;
}

export interface ClaimParagraph {
  text: string;
  /** Thematic heading the paragraph sits under, or null. */
  heading: string | null;
  /** Does the heading give a theme (achievement and challenge paragraphs)? */
  heading_gives_theme: boolean;
}

export interface Claim {
  sentence_no: number;
  mechanism_id: string;
  role: Role;
  /** 'mention' when the sentence names the mechanism, 'continuation' when it continues it. */
  via: 'mention' | 'continuation';
  surface: string;
  char_start: number;
  char_end: number;
  sentence: string;
  /** The sentence's offsets in the paragraph text (UTF-16 units, as text.slice takes them). */
  sentence_start: number;
  sentence_end: number;
  themes: string[];
  /** Per theme: 'heading' or 'cue:<pattern>'. */
  theme_sources: string[];
}

/** Separators that keep mentions in one list: ", (the) ", " and (the) ", ", and (the) ", " or ", and a name's acronym in brackets ("Union of South American Nations (UNASUR), and the"). */
const LIST_SEPARATOR = /^\)?(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|\s*\()(?:the\s+)?$/i;
/** A continuing sentence without an anaphor is referred to by its first three words. */
const OPENING_WORDS = /^\S*(?:\s+\S+){0,2}/;
/** "the" (or "its") right before a mention is part of its noun phrase, not of the cue before it. */
const ARTICLE_BEFORE = /\b(?:the|its|their)\s*$/i;

interface Group { mentions: ClaimMention[]; before: string; after: string }

function groupsOf(sentence: string, offset: number, ms: readonly ClaimMention[]): Group[] {
  const groups: ClaimMention[][] = [];
  for (const m of ms) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev && LIST_SEPARATOR.test(sentence.slice(prev.char_end - offset, m.char_start - offset))) last.push(m);
    else groups.push([m]);
  }
  return groups.map((g, i) => {
    const from = i === 0 ? 0 : groups[i - 1].at(-1)!.char_end - offset;
    const to = i + 1 < groups.length ? groups[i + 1][0].char_start - offset : sentence.length;
    return {
      mentions: g,
      before: sentence.slice(from, g[0].char_start - offset).replace(ARTICLE_BEFORE, ''),
      after: sentence.slice(g.at(-1)!.char_end - offset, to),
    };
  });
}

export function roleOf(g: { before: string; after: string }, r: CompiledRules): Role {
  if (r.comparisonBefore?.test(g.before)) return 'comparison';
  if (r.participantBefore?.test(g.before) || r.participantAfter?.test(g.after)) return 'participant';
  if (r.lackingAfter?.test(g.after)) return 'lacking';
  if (r.passingBefore?.test(g.before) || r.passingAfter?.test(g.after)) return 'passing';
  return 'actor';
}

/**
 * The themes of a sentence depend only on its words (as themeText gives them) and its heading's themes,
 * so a sentence met again (boilerplate, a continuing sentence repeated across documents) is not matched
 * again. One cache per compiled model, emptied when it grows past CACHE_MAX entries. The lists are shared
 * between the claims of equal sentences; nothing downstream changes them.
 */
const CACHE_MAX = 50_000;
type ThemeCache = Map<readonly string[], Map<string, { themes: string[]; sources: string[] }>>;
const themeCaches = new WeakMap<CompiledRules, ThemeCache>();

/** Keyed by the heading's theme list (one array per heading in the compiled model, so the same object) and then by the sentence: no key string is built. */
function cachedThemes(sentence: string, headingThemes: readonly string[], r: CompiledRules): { themes: string[]; sources: string[] } {
  let caches = themeCaches.get(r);
  if (!caches) themeCaches.set(r, (caches = new Map()));
  let cache = caches.get(headingThemes);
  if (!cache) caches.set(headingThemes, (cache = new Map()));
  let hit = cache.get(sentence);
  if (!hit) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(sentence, (hit = themesOf(sentence, headingThemes, r)));
  }
  return hit;
}

function themesOf(sentence: string, headingThemes: readonly string[], r: CompiledRules): { themes: string[]; sources: string[] } {
  const themes = [...headingThemes];
  const sources = headingThemes.map(() => 'heading');
  const candidates = r.triggers.candidates(sentence.toLowerCase());
  // a candidate theme's trigger is in the sentence, so its cues mostly match: test them one by one
  // (the first that matches is the source) rather than their union first and then again
  for (const i of candidates) {
    const t = r.themes[i];
    if (themes.includes(t.theme_id)) continue;
    const cue = t.cues.find((c) => c.re.test(sentence));
    if (!cue) continue;
    themes.push(t.theme_id);
    sources.push(`cue:${cue.pattern}`);
  }
  if (themes.length > headingThemes.length + 1) sortByThemeOrder(themes, sources, headingThemes.length, r);
  return { themes, sources };
}

/**
 * The words whose cues give the sentence's themes: the sentence, less the names of bodies
 * that are not actors in it ("provisions of the SAARC Convention on Preventing ...", para 57),
 * and, in an outcome sentence ("As a result of the CoE LARA Project designed to support the
 * reform of criminal legislation ..., nearly all the participating countries have adopted NPAs
 * covering prevention ...", para 43), only the clause that names the mechanism's own act.
 */
function themeText(sentence: string, offset: number, named: readonly { role: Role; char_start: number; char_end: number }[], r: CompiledRules): string {
  let text = sentence;
  for (const c of named) {
    if (c.role === 'actor') continue;
    const a = c.char_start - offset;
    const b = c.char_end - offset;
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  if (r.outcome?.test(text) && named.length > 0) {
    const comma = text.indexOf(',', named[0].char_end - offset);
    if (comma > 0) text = text.slice(0, comma);
  }
  return text;
}

const NO_THEMES: string[] = [];

/** Cue themes in the registry's order (candidates come in trigger order), heading themes first as they are. */
function sortByThemeOrder(themes: string[], sources: string[], from: number, r: CompiledRules): void {
  const order = r.themeOrder;
  const pairs = themes.slice(from).map((t, k) => [t, sources[from + k]] as const).sort((a, b) => order.get(a[0])! - order.get(b[0])!);
  pairs.forEach(([t, src], k) => { themes[from + k] = t; sources[from + k] = src; });
}

/** Sentence boundaries of a text as a flat list start0, end0, start1, end1, … */
export type SentenceSplitter = (text: string) => number[];

/**
 * The claims of one paragraph; `mentions` are its body mentions (any order).
 * `split` is the sentence splitter (the hand-written one; bench/nlp-sentences.ts swaps in NLP libraries to compare).
 */
export function extractClaims(p: ClaimParagraph, mentions: readonly ClaimMention[], r: CompiledRules, split: SentenceSplitter = sentenceBounds): Claim[] {
  const sorted = [...mentions].sort((a, b) => a.char_start - b.char_start);
  const b = split(p.text);
  const headingThemes = p.heading_gives_theme && p.heading ? r.headingThemes.get(normalizeHeading(p.heading)) ?? NO_THEMES : NO_THEMES;
  const out: Claim[] = [];
  let subject: string[] = [];
  let m = 0;
  for (let s = 0; s < b.length / 2; s++) {
    const start = b[2 * s];
    const end = b[2 * s + 1];
    const limit = 2 * s + 2 < b.length ? b[2 * s + 2] : Infinity;
    const ms: ClaimMention[] = [];
    while (m < sorted.length && sorted[m].char_start < limit) ms.push(sorted[m++]);
    const sentence = p.text.slice(start, end);
    const named: Claim[] = [];
    for (const g of groupsOf(sentence, start, ms)) {
      const role = roleOf(g, r);
      g.mentions.forEach((x, k) => {
        // the subject of its own clause acts, even at the end of a list ("..., the AU.COMMIT Campaign will be")
        const next = k + 1 < g.mentions.length ? g.mentions[k + 1].char_start - start : sentence.length;
        const own = role === 'passing' && r.subjectAfter?.test(sentence.slice(x.char_end - start, next)) ? 'actor' : role;
        named.push({
          sentence_no: s + 1, sentence, mechanism_id: x.mechanism_id, role: own, via: 'mention', surface: x.surface,
          char_start: x.char_start, char_end: x.char_end, sentence_start: start, sentence_end: end, themes: NO_THEMES, theme_sources: NO_THEMES,
        });
      });
    }
    // a mechanism said to lack something in a sentence is lacking in all of it ("LAS indicated ... but that LAS lacked", para 105)
    if (named.some((c) => c.role === 'lacking')) {
      const lacking = new Set(named.filter((c) => c.role === 'lacking').map((c) => c.mechanism_id));
      for (const c of named) if (c.role === 'actor' && lacking.has(c.mechanism_id)) c.role = 'lacking';
    }
    const acting = [...new Set(named.filter((c) => c.role === 'actor' || c.role === 'lacking').map((c) => c.mechanism_id))];
    // an anaphor is a phrase that refers back, not a mention: "The OAS secretariat" names OAS
    const anaphorHit = subject.length > 0 ? r.continuation.exec(sentence) : null;
    const anaphor = anaphorHit && !ms.some((x) => x.char_start - start < anaphorHit[0].length) ? anaphorHit : null;
    const carries = subject.length > 0 && (anaphor !== null
      || (r.carryUnnamed && acting.length === 0 && !(r.topicShift?.test(sentence) ?? false)));
    const continuing = carries ? subject.filter((id) => !acting.includes(id)) : [];
    if (!carries || acting.length > 0) subject = acting;
    if (named.length === 0 && continuing.length === 0) continue; // nothing to say about anyone: no themes needed
    const { themes, sources } = cachedThemes(themeText(sentence, start, named, r), headingThemes, r);
    if (continuing.length > 0) {
      // the words as they stand in the text (claims.sql slices them back from it by these offsets)
      const words = anaphor ? anaphor[0].trimEnd() : OPENING_WORDS.exec(sentence)![0];
      const role: Role = r.lackingAfter?.test(sentence.slice(anaphor ? anaphor[0].length : 0)) ? 'lacking' : 'actor';
      for (const id of continuing) {
        out.push({
          sentence_no: s + 1, sentence, mechanism_id: id, role, via: 'continuation', surface: words,
          char_start: start, char_end: start + words.length, sentence_start: start, sentence_end: end, themes, theme_sources: sources,
        });
      }
    }
    for (const c of named) { c.themes = themes; c.theme_sources = sources; out.push(c); }
  }
  return out;
}
