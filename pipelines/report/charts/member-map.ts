/**
 * member-map: a world map (Equal Earth) of the member states of the
 * mechanisms, each coloured by how many themes its mechanisms together cover;
 * countries with no data in grey. The world-atlas TopoJSON is passed in and
 * inlined in the spec (never fetched when the chart is drawn).
 */
import type { coverage_mechanism_theme } from '../../catalog/coverage.ts';
import type { countries, mechanism_members, mechanisms } from '../../catalog/registry.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, compareText, chartRow, docOf, formatCited, plural, specBase, titleBlock, mergeSources, uniqueSources, type CitedParagraph,
  uniqueSorted, wrapNote,
} from './common.ts';
import { COLORS, SCHEMES, SIZES } from './theme.ts';

export const NAME = 'member-map';

export interface MemberMapRow {
  /** UN M49 numeric code (= ISO 3166-1 numeric). */
  m49: number;
  iso3: string;
  name: string;
  /** Distinct themes covered by the mechanisms the country is a member of. */
  n_themes: number;
  /** Labels of those mechanisms. */
  mechanisms: string[];
  /** Paragraphs with the evidence behind n_themes. */
  paragraphs?: number[];
  /** The same, each with its document. */
  sources?: CitedParagraph[];
  /** "COMMIT: 17 themes; ASEAN: 5 themes" */
  mechanisms_detail?: string;
}

/** A TopoJSON topology with a "countries" object, as in world-atlas. */
export interface CountriesTopology {
  type: 'Topology';
  objects: { countries: { type: 'GeometryCollection'; geometries: readonly { id?: string; properties?: { name?: string } }[] } };
  arcs: unknown;
  [k: string]: unknown;
}

export interface MemberMapOptions extends BaseOptions {
  /** world-atlas countries-110m.json (read by the caller). */
  topology: CountriesTopology;
  /** Number of themes in the taxonomy, for "n of N" in tooltips. */
  themeCount?: number;
}

/** M49 "4" → "004", the id world-atlas gives its features. */
export function m49Id(m49: number): string {
  return String(m49).padStart(3, '0');
}

/** Build the map rows from the registry and coverage tables (pure). */
export function memberMapRows(input: {
  mechanism_members: readonly RowOf<typeof mechanism_members>[];
  countries: readonly RowOf<typeof countries>[];
  coverage_mechanism_theme: readonly RowOf<typeof coverage_mechanism_theme>[];
  mechanisms?: readonly RowOf<typeof mechanisms>[];
}): MemberMapRow[] {
  const label = new Map<string, string>();
  for (const r of input.coverage_mechanism_theme) label.set(r.mechanism_id, r.acronym);
  for (const m of input.mechanisms ?? []) label.set(m.mechanism_id, m.acronym);
  // Each mechanism's covered themes and their paragraphs, once each: a country then merges its few
  // mechanisms' lists instead of every theme's (lists that run to thousands at 1,000 documents).
  const themesOf = new Map<string, Set<string>>();
  const parasOf = new Map<string, number[]>();
  const sourcesOf = new Map<string, CitedParagraph[][]>();
  for (const r of input.coverage_mechanism_theme) {
    if (!r.covered) continue;
    themesOf.set(r.mechanism_id, (themesOf.get(r.mechanism_id) ?? new Set()).add(r.theme_id));
    const paras = parasOf.get(r.mechanism_id) ?? parasOf.set(r.mechanism_id, []).get(r.mechanism_id)!;
    for (const p of r.paragraphs) paras.push(p);
    const sources = sourcesOf.get(r.mechanism_id) ?? sourcesOf.set(r.mechanism_id, []).get(r.mechanism_id)!;
    sources.push(uniqueSources(r.sources ?? []));
  }
  for (const [id, ps] of parasOf) parasOf.set(id, uniqueSorted(ps));
  const mechanismSources = new Map([...sourcesOf].map(([id, lists]) => [id, mergeSources(lists)]));
  const byCountry = new Map<string, Set<string>>();
  for (const m of input.mechanism_members) byCountry.set(m.iso3, (byCountry.get(m.iso3) ?? new Set()).add(m.mechanism_id));
  const country = new Map(input.countries.map((c) => [c.iso3, c]));
  // Countries in the same mechanisms (201 countries, 77 sets at 1,000 documents) share their merged lists
  // (read-only), so the map formats each one's citation once.
  const merged = new Map<string, { paragraphs: number[]; sources: CitedParagraph[] }>();
  const mergedOf = (mechs: Set<string>) => {
    const key = [...mechs].sort(compareText).join('\n');
    const known = merged.get(key);
    if (known) return known;
    const lists = { paragraphs: uniqueSorted([...mechs].flatMap((id) => parasOf.get(id) ?? [])), sources: mergeSources([...mechs].map((id) => mechanismSources.get(id) ?? [])) };
    merged.set(key, lists);
    return lists;
  };
  const out: MemberMapRow[] = [];
  for (const [iso3, mechs] of byCountry) {
    const c = country.get(iso3);
    if (!c) continue;
    const themes = new Set<string>();
    const detail: [string, number][] = [];
    for (const id of mechs) {
      const t = themesOf.get(id) ?? new Set<string>();
      for (const theme of t) themes.add(theme);
      detail.push([label.get(id) ?? id, t.size]);
    }
    detail.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    const lists = mergedOf(mechs);
    out.push({
      m49: c.m49, iso3, name: c.name, n_themes: themes.size,
      mechanisms: detail.map(([l]) => l).sort(compareText),
      paragraphs: lists.paragraphs,
      sources: lists.sources,
      mechanisms_detail: detail.map(([l, n]) => `${l}: ${plural(n, 'theme')}`).join('; '),
    });
  }
  return out.sort((a, b) => compareText(a.iso3, b.iso3));
}

const ANTARCTICA = '010';

/** The finding the map shows: the member states whose mechanisms cover the most themes. */
export function memberMapTitle(rows: readonly MemberMapRow[], themeCount?: number): string {
  const max = Math.max(0, ...rows.map((r) => r.n_themes));
  const top = rows.filter((r) => r.n_themes === max).map((r) => r.name).sort(compareText);
  if (top.length === 0) return 'Member states by the number of themes their mechanisms cover';
  const who = top.length === 1 ? top[0]! : top.length <= 4
    ? `${top.slice(0, -1).join(', ')} and ${top[top.length - 1]}` : `${top.length} member states`;
  const of = themeCount ? `${max} of ${themeCount}` : String(max);
  return `${who} ${top.length === 1 ? 'belongs' : 'belong'} to mechanisms covering the most themes: ${of}`;
}

export function memberMap(rows: readonly MemberMapRow[], options: MemberMapOptions): VegaLiteSpec {
  const doc = docOf(options);
  const ids = new Set(options.topology.objects.countries.geometries.map((g) => g.id).filter((x): x is string => !!x));
  // Countries in the same mechanisms share their lists (memberMapRows): each pair of lists is formatted once.
  const cited = new Map<unknown, Map<unknown, string>>();
  const citedOf = (r: MemberMapRow) => {
    const byParagraphs = cited.get(r.sources) ?? cited.set(r.sources, new Map()).get(r.sources)!;
    let text = byParagraphs.get(r.paragraphs);
    if (text === undefined) byParagraphs.set(r.paragraphs, text = formatCited(r.paragraphs ?? [], r.sources, options));
    return text;
  };
  const values = rows.map((r) => ({
    ...chartRow(r, options),
    m49_id: m49Id(r.m49),
    mechanisms_text: r.mechanisms_detail ?? ([...r.mechanisms].sort(compareText).join(', ') || 'none'),
    paragraphs_text: citedOf(r),
    themes_text: options.themeCount ? `${r.n_themes} of ${options.themeCount}` : String(r.n_themes),
  })).sort((a, b) => compareText(a.m49_id, b.m49_id));
  const notDrawn = values.filter((v) => !ids.has(v.m49_id)).map((v) => v.name).sort(compareText);
  const max = Math.max(1, ...rows.map((r) => r.n_themes));
  const top = [...values].sort((a, b) => b.n_themes - a.n_themes || compareText(a.name, b.name)).slice(0, 3);
  const description = `World map (Equal Earth projection) of the ${plural(rows.length, 'member state')} of the regional mechanisms in ${doc}, `
    + `each shaded by how many themes its mechanisms together cover (darker = more); countries in grey have no data. `
    + (top.length ? `Most themes: ${top.map((t) => `${t.name} (${t.n_themes})`).join(', ')}.` : '')
    + (notDrawn.length ? ` Too small to draw at this scale: ${notDrawn.join(', ')}.` : '');
  const fields = ['name', 'iso3', 'n_themes', 'themes_text', 'mechanisms_text', 'paragraphs_text'];
  return {
    ...specBase(NAME, doc),
    // The small states are listed over several lines: on one line they made the image 2,455 px wide.
    title: titleBlock(memberMapTitle(rows, options.themeCount), doc,
      'Shade: number of themes the country\'s mechanisms together cover. Grey: no member data.',
      ...(notDrawn.length ? wrapNote(`Members too small to draw at this scale (${notDrawn.length}): ${notDrawn.join(', ')}.`, 120) : [])),
    description,
    width: SIZES.mapWidth,
    height: SIZES.mapHeight,
    projection: { type: 'equalEarth' },
    data: { values: options.topology as unknown as Record<string, unknown>, format: { type: 'topojson', feature: 'countries' } },
    transform: [{ filter: `datum.id !== '${ANTARCTICA}'` }],
    layer: [
      {
        transform: [{ calculate: "'no member data'", as: 'status' }],
        mark: { type: 'geoshape', fill: COLORS.noData, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          tooltip: [
            { field: 'properties.name', title: 'Country' },
            { field: 'status', title: 'Data' },
          ],
        },
      },
      {
        transform: [
          { lookup: 'id', from: { data: { values }, key: 'm49_id', fields } },
          { filter: 'isValid(datum.n_themes)' },
        ],
        mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          color: {
            field: 'n_themes', type: 'quantitative', title: 'Themes covered',
            scale: { scheme: SCHEMES.map, domain: [0, max] },
            legend: { orient: 'bottom-left', direction: 'horizontal', gradientLength: 160, format: 'd', tickCount: Math.min(max, 5) },
          },
          tooltip: [
            { field: 'name', title: 'Country' },
            { field: 'themes_text', title: 'Themes covered' },
            { field: 'mechanisms_text', title: 'Mechanisms' },
            { field: 'paragraphs_text', title: 'Paragraphs' },
          ],
        },
      },
    ],
  };
}
