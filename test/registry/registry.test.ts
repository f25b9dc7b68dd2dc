/**
 * The real registry (data/registry) against the report it curates: every citation is found in
 * the cited paragraph, every surface in the text, member lists match what the report itself
 * says, and the theme taxonomy covers the report's headings and every recommendation.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRegistry } from '../../pipelines/registry/load-registry.ts';
import { parseCsvObjects } from '../../pipelines/core/csv.ts';
import { decodeReport, parseReport } from '../../pipelines/ingest/parse-report/index.ts';
import { resolveMentions } from '../../pipelines/resolve/resolve-mentions.ts';
import { REGISTRY_DIR, ROOT, SEED, findMentions, loadReport, paraWithNotes, readSeed } from './helpers.ts';

const reg = loadRegistry(REGISTRY_DIR);
const seed = readSeed();
const { paragraphs, footnotes } = loadReport();
const para = (n: number) => paragraphs.find((p) => p.para_no === n)!;
const surfaces = new Map(reg.mechanism_references.map((r) => [r.surface, r.mechanism_id]));
/** Mechanisms mentioned in each paragraph (text or footnotes), by the documented matching rules. */
const mentionedIn = new Map(paragraphs.map((p) => [p.para_no, new Set(findMentions(paraWithNotes(p, footnotes), surfaces).map((m) => m.owner))]));
const membersOf = (id: string) => reg.mechanism_members.filter((m) => m.mechanism_id === id);
const mech = (id: string) => reg.mechanisms.find((m) => m.mechanism_id === id)!;

const IDS = [
  'asean', 'commit', 'saarc', 'bali_process', 'coe', 'eu', 'osce', 'nordic_council', 'cis', 'las', 'gcc', 'au', 'ecowas',
  'eccas', 'oas', 'mercosur', 'can', 'unasur', 'sica', 'oecs', 'sadc', 'oic', 'acp', 'commonwealth', 'oif', 'eca',
  'eclac', 'ece', 'escap', 'escwa', 'ipu',
];

describe('mechanisms', () => {
  it('has the 31 mechanisms of the report, one file each, named by id', () => {
    expect(reg.mechanisms.map((m) => m.mechanism_id).sort()).toEqual([...IDS].sort());
    const files = readdirSync(path.join(REGISTRY_DIR, 'mechanisms')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(files).toEqual([...IDS].sort());
  });

  it('names every recipient of the request for information (para 3) among the mechanisms', () => {
    const inPara3 = mentionedIn.get(3)!;
    const expected = IDS.filter((id) => !['unasur', 'sica', 'gcc', 'ipu'].includes(id));
    expect([...inPara3].sort()).toEqual(expected.sort());
  });

  it('files the Bali Process under Asia-Pacific and the global bodies as cross-regional', () => {
    expect(mech('bali_process').region).toBe('Asia-Pacific');
    for (const id of ['oic', 'acp', 'commonwealth', 'oif', 'ipu']) expect(mech(id).region, id).toBe('cross-regional');
  });

  it('gives every mechanism with instruments at most one main instrument', () => {
    for (const m of reg.mechanisms) {
      expect(reg.instruments.filter((i) => i.mechanism_id === m.mechanism_id && i.is_main).length, m.mechanism_id).toBeLessThanOrEqual(1);
    }
    const withMain = new Set(reg.instruments.filter((i) => i.is_main).map((i) => i.mechanism_id));
    for (const id of ['asean', 'commit', 'saarc', 'coe', 'eu', 'osce', 'cis', 'las', 'au', 'ecowas', 'eccas', 'oas', 'mercosur']) {
      expect(withMain.has(id), id).toBe(true);
    }
  });

  it('records the scope and binding force the report states', () => {
    const ins = (id: string) => reg.instruments.find((i) => i.instrument_id === id)!;
    expect(ins('saarc_convention_2002')).toMatchObject({ legally_binding: true, personal_scope: 'women and children only', year: 2002 }); // paras 25, 37
    expect(ins('coe_convention_2005')).toMatchObject({ legally_binding: true, kind: 'convention', year: 2005 }); // para 27
    expect(ins('eu_framework_decision_2002')).toMatchObject({ legally_binding: true, kind: 'framework decision' }); // para 38
    expect(ins('commit_mou_2004')).toMatchObject({ kind: 'MOU', personal_scope: 'women and children only' }); // paras 35, 99
    expect(ins('asean_declaration_2004')).toMatchObject({ legally_binding: false, kind: 'declaration' }); // para 36
    expect(ins('au_ouagadougou_action_plan_2006').personal_scope).toBe('all persons, especially women and children');
  });
});

describe('citations against the report text', () => {
  it('splits the report into paragraphs 1–137 with footnotes 1–8', () => {
    expect(paragraphs.map((p) => p.para_no)).toEqual(Array.from({ length: 137 }, (_, k) => k + 1));
    expect(footnotes.map((f) => [f.note_no, f.para_no])).toEqual([[1, 48], [2, 48], [3, 79], [4, 89], [5, 95], [6, 97], [7, 99], [8, 128]]);
  });

  it('every paragraph a record cites (mechanism, instrument, member) mentions that mechanism in its text or footnotes', () => {
    const problems: string[] = [];
    const check = (id: string, p: number, what: string) => {
      if (!mentionedIn.get(p)?.has(id)) problems.push(`${id}: ${what} cites para ${p}, which does not mention it`);
    };
    for (const m of reg.mechanisms) for (const p of m.paragraphs) check(m.mechanism_id, p, 'record');
    for (const i of reg.instruments) for (const p of i.paragraphs) check(i.mechanism_id, p, `instrument ${i.instrument_id}`);
    for (const r of reg.mechanism_members) for (const p of r.paragraphs) check(r.mechanism_id, p, `member ${r.iso3}`);
    expect(problems).toEqual([]);
  });

  it('every paragraph that mentions a mechanism is cited by its record', () => {
    const missing: string[] = [];
    for (const [p, ids] of mentionedIn) {
      for (const id of ids) if (!mech(id).paragraphs.includes(p)) missing.push(`${id} ${p}`);
    }
    expect(missing).toEqual([]);
  });

  it('cites instrument paragraphs that the mechanism record cites too', () => {
    for (const i of reg.instruments) {
      for (const p of i.paragraphs) expect(mech(i.mechanism_id).paragraphs, `${i.instrument_id} para ${p}`).toContain(p);
    }
  });

  it('every reference surface occurs in the report as printed, unless it says where else it is printed (cited_in)', () => {
    const parsed = [...paragraphs.map((p) => p.text), ...footnotes.map((f) => f.text)].join('\n');
    const citedElsewhere = new Set(reg.reference_citations.map((c) => c.surface));
    for (const r of reg.mechanism_references.filter((x) => !citedElsewhere.has(x.surface))) {
      expect(seed.includes(r.surface), `"${r.surface}" in the seed`).toBe(true);
      expect(parsed.includes(r.surface), `"${r.surface}" in the parsed paragraphs`).toBe(true);
    }
  });

  it('cites, for a reference printed elsewhere, documents of data/un-documents, whose build checks the text (test/corpus/real-corpus.test.ts)', () => {
    const sources = readFileSync(path.join(ROOT, 'data', 'un-documents', 'SOURCES.md'), 'utf8');
    const known = new Set([...sources.matchAll(/^\| g\d+\.pdf \| ([^ |]+) \|/gm)].map((m) => m[1]));
    expect(known.size).toBe(12);
    expect(reg.reference_citations.length).toBeGreaterThan(100);
    for (const c of reg.reference_citations) expect(known.has(c.symbol), `${c.surface}: ${c.symbol}`).toBe(true);
    // GRETA, CoE-Commissioner, OSCE/ODIHR, EU-FRA (EUAFR in the endnotes) and the Convention's full title
    for (const [surface, owner] of [['GRETA', 'coe'], ['CoE-Commissioner', 'coe'], ['OSCE/ODIHR', 'osce'], ['EU-FRA', 'eu'], ['EUAFR', 'eu'],
      ['Council of Europe Convention on Action against Trafficking in Human Beings', 'coe']]) {
      expect(surfaces.get(surface!), surface).toBe(owner);
      expect(reg.reference_citations.some((c) => c.surface === surface), surface).toBe(true);
    }
  });

  it('lists the name and acronym of a mechanism as references wherever the report prints them on their own', () => {
    for (const m of reg.mechanisms) {
      for (const s of [m.name, m.acronym]) {
        // printed on its own = still matched when added to the surfaces (not inside a longer one,
        // as "Andean Community" is inside "Andean Community of Nations")
        const probe = new Map(surfaces);
        if (!probe.has(s)) probe.set(s, '?');
        if (findMentions(seed, probe).some((x) => x.surface === s)) {
          expect(surfaces.get(s), `${m.mechanism_id}: "${s}" is printed, so it must be a reference`).toBe(m.mechanism_id);
        }
      }
    }
  });

  it('resolves the tricky surfaces the way the report means them', () => {
    const owners = (p: number) => findMentions(para(p).text, surfaces).map((m) => `${m.surface}→${m.owner}`);
    // AU.COMMIT is the AU's campaign, not COMMIT's (paras 60, 73)
    expect(owners(73).filter((s) => s.includes('COMMIT'))).toEqual(['AU.COMMIT Campaign→au', 'AU.COMMIT→au', 'AU.COMMIT Campaign→au']);
    expect(mentionedIn.get(73)!.has('commit')).toBe(false);
    // the EU of para 17 is the co-adopting ministers, not the Africa-EU conference or partnership
    expect(owners(17)).toEqual(expect.arrayContaining(['Africa-EU Ministerial Conference→au', 'Africa-EU Strategic Partnership→au', 'EU→eu']));
    expect(owners(17).filter((s) => s === 'EU→eu')).toHaveLength(1);
    // CIS vs Commonwealth Secretariat, and each UN commission (para 3)
    expect(owners(3)).toEqual(expect.arrayContaining([
      'Commonwealth of Independent States→cis', 'Commonwealth Secretariat→commonwealth',
      'Economic Commission for Latin America→eclac', 'Economic Commission for Europe→ece',
    ]));
    expect(owners(61)).toEqual(['Inter-Parliamentary Union→ipu', 'Twelve Plus Group of the IPU→ipu', 'CoE→coe', 'EU→eu', 'OSCE→osce']);
  });

  it('agrees with the pipeline resolver, which leaves no acronym unresolved', () => {
    const report = parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'a-hrc-14-32' });
    const { mentions, unresolved } = resolveMentions(report.paragraphs, report.footnotes, reg.mechanism_references,
      reg.non_mechanisms.map((n) => n.surface));
    expect(unresolved).toEqual([]);
    for (const m of reg.mechanisms) {
      const resolved = [...new Set(mentions.filter((x) => x.mechanism_id === m.mechanism_id).map((x) => x.para_no))].sort((a, b) => a - b);
      expect(resolved, m.mechanism_id).toEqual(m.paragraphs);
    }
  });

  it('lists non-mechanisms that occur in the text and are not references', () => {
    for (const n of reg.non_mechanisms) {
      expect(seed.includes(n.surface), n.surface).toBe(true);
      expect(surfaces.has(n.surface), n.surface).toBe(false);
    }
  });
});

describe('members in 2010', () => {
  // name → ISO3 from the country reference's English names (CLDR, UNTERM short, official)
  const csv = parseCsvObjects(readFileSync(path.join(ROOT, 'data', 'raw', 'country-codes.csv'), 'utf8'));
  const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s*\(the\)$/, '').replace(/^the /i, '').trim().toLowerCase();
  const byName = new Map<string, string>();
  for (const r of csv) {
    for (const n of [r['CLDR display name'], r['UNTERM English Short'], r['official_name_en']]) if (n) byName.set(norm(n), r['ISO3166-1-Alpha-3']);
  }
  const isoOf = (name: string) => {
    const code = byName.get(norm(name));
    if (!code) throw new Error(`no ISO code for "${name}"`);
    return code;
  };
  const namesIn = (p: number, re: RegExp) => {
    const m = para(p).text.match(re);
    if (!m) throw new Error(`pattern ${re} not found in para ${p}`);
    return m[1].split(/,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.trim()).filter(Boolean);
  };

  it('COMMIT: exactly the six Governments of para 24', () => {
    const named = namesIn(24, /six Governments \(([^)]+)\)/);
    expect(named).toEqual(['Cambodia', 'China', 'Lao People’s Democratic Republic', 'Myanmar', 'Thailand', 'Viet Nam']);
    const codes = named.map(isoOf);
    expect(membersOf('commit').map((m) => m.iso3).sort()).toEqual([...codes].sort());
    for (const m of membersOf('commit')) expect(m.paragraphs).toContain(24);
  });

  it('SAARC: the seven founders of para 25 plus Afghanistan (2007)', () => {
    const named = namesIn(25, /established in 1985 by (.+?), adopted/);
    expect(named).toHaveLength(7);
    const codes = named.map(isoOf);
    const members = membersOf('saarc').map((m) => m.iso3);
    expect(members).toEqual(expect.arrayContaining(codes));
    expect(members.filter((c) => !codes.includes(c))).toEqual(['AFG']);
    for (const m of membersOf('saarc')) expect(m.paragraphs).toEqual(codes.includes(m.iso3) ? [25] : []);
  });

  it('Nordic Council: exactly the five countries of para 30', () => {
    const named = namesIn(30, /parliamentarians from (.+?), has adopted/);
    expect(named).toEqual(['Denmark', 'Finland', 'Iceland', 'Norway', 'Sweden']);
    expect(membersOf('nordic_council').map((m) => m.iso3).sort()).toEqual(named.map(isoOf).sort());
  });

  it('has the 2010 member counts, each list with a public source', () => {
    const expected: Record<string, number> = {
      asean: 10, commit: 6, saarc: 8, bali_process: 45, coe: 47, eu: 27, osce: 56, nordic_council: 5, cis: 10, las: 22,
      gcc: 6, au: 53, ecowas: 15, eccas: 10, oas: 35, mercosur: 4, can: 4, unasur: 12, sica: 7, oecs: 7, sadc: 15, oic: 57,
      acp: 79, commonwealth: 54, eca: 53, eclac: 44, ece: 56, escap: 53, escwa: 14, oif: 0, ipu: 0,
    };
    expect(Object.fromEntries(reg.mechanisms.map((m) => [m.mechanism_id, m.n_members]))).toEqual(expected);
    for (const m of reg.mechanisms) {
      expect(membersOf(m.mechanism_id)).toHaveLength(m.n_members);
      if (m.n_members > 0) expect(m.members_source, m.mechanism_id).toMatch(/https?:\/\/|Treaty/);
    }
    expect(reg.member_notes.find((n) => n.mechanism_id === 'bali_process')!.confidence).toBe('approximate');
  });

  it('gets the 2010 changes right', () => {
    const has = (id: string, iso: string) => membersOf(id).some((m) => m.iso3 === iso);
    const assoc = (id: string) => reg.associates.filter((a) => a.mechanism_id === id).map((a) => a.iso3);
    expect(has('cis', 'GEO')).toBe(false); // left 2009
    expect(has('au', 'MAR') || has('au', 'SSD')).toBe(false);
    expect(has('au', 'ESH')).toBe(true); // Sahrawi Arab Democratic Republic
    expect(has('eu', 'GBR') && !has('eu', 'HRV')).toBe(true);
    expect(has('coe', 'RUS') && has('coe', 'MNE')).toBe(true);
    expect(has('osce', 'MNG')).toBe(false); // joined 2012
    expect(has('las', 'SYR')).toBe(true); // suspended only in 2011
    expect(has('oas', 'CUB')).toBe(true);
    expect(mech('oas').members_source).toMatch(/Cuba/);
    expect(has('mercosur', 'VEN')).toBe(false);
    expect(assoc('mercosur')).toContain('VEN');
    expect(mech('mercosur').members_source).toMatch(/Venezuela.*pending/s);
    expect(has('eccas', 'RWA')).toBe(false); // withdrew 2007
    expect(has('sica', 'DOM')).toBe(false);
    expect(assoc('sica')).toEqual(['DOM']);
    expect(assoc('oecs').sort()).toEqual(['AIA', 'VGB']);
    expect(has('oecs', 'MSR')).toBe(true);
  });
});

describe('themes', () => {
  const report = parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'a-hrc-14-32' });
  const thematic = report.headings.filter((h) => h.level === 4);
  const seedLines = new Set(seed.split(/\r?\n/).map((l) => l.trim()));

  it('takes every heading label verbatim from a line of the report', () => {
    for (const t of reg.themes) for (const h of t.headings) expect(seedLines.has(h), `${t.theme_id}: "${h}"`).toBe(true);
  });

  it('covers every thematic heading of the report exactly once, in order of appearance', () => {
    const labels = reg.themes.flatMap((t) => t.headings);
    expect(new Set(labels).size).toBe(labels.length);
    expect(new Set(thematic.map((h) => h.label))).toEqual(new Set(labels));
    const firstSeen = reg.themes.map((t) => Math.min(...t.headings.map((h) => thematic.find((x) => x.label === h)!.line)));
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    expect(reg.themes.map((t) => t.sort_order)).toEqual(reg.themes.map((_, k) => k + 1));
  });
});

describe('cues', () => {
  const text = paragraphs.map((p) => p.text).join('\n');
  it('has the gender and redress measures, each matching somewhere in the report', () => {
    const measures = [...new Set(reg.cues.map((c) => `${c.family}/${c.measure}`))].sort();
    expect(measures).toEqual([
      'gender/child_specific', 'gender/gender_mainstreaming', 'gender/men_and_boys',
      'redress/asset_confiscation', 'redress/compensation', 'redress/information', 'redress/legal_aid',
      'redress/legal_remedies',
    ]);
    for (const m of new Set(reg.cues.map((c) => c.measure))) {
      expect(reg.cues.filter((c) => c.measure === m).some((c) => new RegExp(c.pattern, 'i').test(text)), m).toBe(true);
    }
  });

  it('finds the redress content of paras 85–90 and not mutual legal assistance', () => {
    const hit = (measure: string, p: number) => reg.cues.filter((c) => c.measure === measure).some((c) => new RegExp(c.pattern, 'i').test(para(p).text));
    expect(hit('legal_aid', 88) && hit('information', 88) && hit('compensation', 88) && hit('asset_confiscation', 86)).toBe(true);
    expect(hit('legal_aid', 57) || hit('legal_aid', 134)).toBe(false); // "mutual legal assistance"
    expect(hit('men_and_boys', 91)).toBe(false); // "women" is not "men"
    expect(hit('men_and_boys', 93)).toBe(false); // "both women and men in decision-making" is gender balance, not men as victims
    expect(hit('men_and_boys', 99)).toBe(true);
    expect(reg.cues.some((c) => /witness/.test(c.pattern) && c.family === 'redress')).toBe(false); // protecting witnesses is protection
  });
});
