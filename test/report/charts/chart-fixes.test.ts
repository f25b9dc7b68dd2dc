/**
 * The chart defects of issue 16, one test each: the member map's width, the
 * heatmap's zero colour and crowded region labels, circle symbols for circle
 * marks, capitalised labels, the cluster tooltip, whole-word recommendation
 * labels, legends without empty categories, and mechanisms with no evidence
 * named by response status instead of blank rows.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memberMap, type CountriesTopology, type MemberMapRow } from '../../../pipelines/report/charts/member-map.ts';
import { COLUMN_STEP, REGION_WRAP, regionThemeHeatmap } from '../../../pipelines/report/charts/region-theme-heatmap.ts';
import { COVERED, askLabel, recommendationsCoverage } from '../../../pipelines/report/charts/recommendations-coverage.ts';
import { mechanismThemeMatrix } from '../../../pipelines/report/charts/mechanism-theme-matrix.ts';
import { mechanismsWithoutEvidence, regionHeader, withoutEvidenceLines } from '../../../pipelines/report/charts/mechanism-rows.ts';
import { thinLabel } from '../../../pipelines/report/charts/themes-ranked.ts';
import { wrapLabel } from '../../../pipelines/report/charts/common.ts';
import { COLORS } from '../../../pipelines/report/charts/theme.ts';
import { CHART_NAMES } from '../../../pipelines/report/charts/index.ts';
import { loadWorldAtlas, specToSvg, svgToPng, textWidth } from '../../../pipelines/report/render.ts';
import { buildChartSpecs } from '../../../pipelines/report/render-charts.ts';
import * as F from '../../fixtures/charts/rows.ts';
import { inlineValues, subtitleLines, titleText } from '../../fixtures/charts/spec-helpers.ts';
import { builtOut } from '../../helpers/built.ts';

const specs = buildChartSpecs({
  ...F.chartTables(),
  headings: [{ level: 5, number: 'b', label: 'Regional mechanisms should carry out the activities set out in the following paragraphs, which have a specific added value:' }],
});

/** Every object in a spec (depth first). */
function objects(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => objects(x, out));
  else if (v && typeof v === 'object') {
    out.push(v as Record<string, unknown>);
    for (const [k, x] of Object.entries(v)) if (k !== 'data' && k !== 'values') objects(x, out);
  }
  return out;
}

function pngWidth(bytes: Uint8Array): number {
  return Buffer.from(bytes).readUInt32BE(16);
}

describe('member map', () => {
  it('wraps a long list of small states over lines, so the image keeps a normal width (≤ 1,200 px at 1×)', async () => {
    const topology = loadWorldAtlas() as unknown as CountriesTopology;
    // 34 members whose M49 codes are not in the 110m atlas, with long names.
    const rows: MemberMapRow[] = Array.from({ length: 34 }, (_, i) => ({
      m49: 900 + i, iso3: `X${String(i).padStart(2, '0')}`, name: `Saint Small Island State Number ${i + 1}`,
      n_themes: 3, mechanisms: ['ACP'], paragraphs: [17],
    }));
    const spec = memberMap(rows, { topology, themeCount: 20 });
    const sub = subtitleLines(spec);
    expect(sub.join(' ')).toContain('Members too small to draw at this scale (34): Saint Small Island State Number 1,');
    for (const line of sub) expect(line.length, line).toBeLessThanOrEqual(120);
    const { svg, width } = await specToSvg(spec, 'member-map');
    expect(width).toBeLessThanOrEqual(1200);
    expect(pngWidth(svgToPng(svg, 1).png)).toBeLessThanOrEqual(1200);
  });
});

describe('region-theme heatmap', () => {
  const spec = specs['region-theme-heatmap'];
  const rect = objects(spec).find((o) => (o.mark as { type?: string })?.type === 'rect')!;
  const color = (rect.encoding as { color: { type: string; scale: { domain: number[]; range: string[] }; condition?: unknown } }).color;

  it('shows 0 in its legend in the same grey as the zero cells (one colour per count)', () => {
    expect(color.type).toBe('ordinal');
    expect(color.condition).toBeUndefined();
    expect(color.scale.domain[0]).toBe(0);
    expect(color.scale.range[0]).toBe(COLORS.empty);
    expect(new Set(color.scale.range).size).toBe(color.scale.range.length);
  });

  it('draws the grey of 0 in the rendered legend and cells alike', async () => {
    const { svg } = await specToSvg(spec, 'region-theme-heatmap');
    const fills = [...svg.matchAll(/fill="(#[0-9a-fA-F]{6})"/g)].map((m) => m[1]!.toLowerCase());
    expect(fills.filter((f) => f === COLORS.empty.toLowerCase()).length).toBeGreaterThan(1);
    expect(svg).not.toMatch(/linearGradient/); // no gradient legend starting at pale blue
  });

  it('wraps region labels so neighbours never touch ("Middle East and" / "Cross-regional")', () => {
    const regions = ['Africa', 'Latin America and the Caribbean', 'Asia-Pacific', 'Europe and Central Asia', 'Middle East and North Africa', 'Cross-regional'];
    for (const r of regions) {
      for (const line of wrapLabel(r, REGION_WRAP)) expect(textWidth(line, 11), line).toBeLessThanOrEqual(COLUMN_STEP - 8);
    }
  });
});

describe('legends', () => {
  it('draws circles in the legend of every circle mark (scores-by-mechanism)', () => {
    let circles = 0;
    for (const name of CHART_NAMES) {
      for (const o of objects(specs[name])) {
        const mark = o.mark as { type?: string } | string | undefined;
        if ((typeof mark === 'string' ? mark : mark?.type) !== 'circle') continue;
        for (const ch of Object.values((o.encoding ?? {}) as Record<string, { legend?: { symbolType?: string } | null }>)) {
          if (ch?.legend) { circles++; expect(ch.legend.symbolType, name).toBe('circle'); }
        }
      }
    }
    expect(circles).toBeGreaterThan(0);
  });

  it('lists only the categories that occur (recommendations all covered: no "none" entry)', () => {
    const rows = F.recommendationRows().map((r) => ({ ...r, n_mechanisms: Math.max(1, r.n_mechanisms) }));
    const spec = recommendationsCoverage(rows);
    const color = (spec as unknown as { encoding: { color: { scale: { domain: string[]; range: string[] } } } }).encoding.color;
    expect(color.scale.domain).toEqual([COVERED]);
    expect(color.scale.range).toHaveLength(1);
  });
});

describe('labels', () => {
  it('capitalises every category a reader sees: legends, region headers, pillars', () => {
    expect(thinLabel(2)).toBe('Few: 2 or fewer mechanisms');
    for (const name of CHART_NAMES) {
      for (const o of objects(specs[name])) {
        const scale = o.scale as { domain?: unknown[] } | undefined;
        if (o.legend !== undefined && o.legend !== null && ['nominal', 'ordinal'].includes(String(o.type))) {
          for (const d of scale?.domain ?? []) if (typeof d === 'string') expect(d[0], `${name}: legend "${d}"`).toBe(d[0]!.toUpperCase());
        }
      }
    }
    expect(regionHeader(['Africa', 'cross-regional']).labelExpr).toContain('"cross-regional":"Cross-regional"');
    const rows = F.regionThemeRows().map((r) => (r.region === 'Africa' ? { ...r, region: 'cross-regional' } : r));
    const values = inlineValues(regionThemeHeatmap(rows));
    expect(values.find((v) => v.region === 'cross-regional')).toMatchObject({ region_label: 'Cross-regional' });
    expect(values.find((v) => v.pillar === 'partnership')).toMatchObject({ pillar_label: 'Partnership' });
    expect(JSON.stringify(regionThemeHeatmap(rows))).toContain('\\"cross-regional\\":\\"Cross-regional\\"');
    expect(JSON.stringify(specs['themes-ranked'])).toContain('"field":"pillar_label"');
  });

  it('explains the cluster of a recommendation in its tooltip', () => {
    const values = inlineValues(specs['recommendations-coverage']);
    expect(values.find((v) => v.ask_id === '118.1')!.cluster_label)
      .toBe('Cluster (b): Regional mechanisms should carry out the activities set out in the following paragraphs, which have a specific added value:');
    expect(values.find((v) => v.ask_id === '106.1')!.cluster_label).toBe('Opening recommendations (106–108)');
  });

  it('never cuts an ask label inside a word: whole words, an ellipsis, at most two lines', () => {
    const long = 'Assist in the establishment of a national coordination body or a national task force with implementation, coordination and oversight responsibility, consisting of representatives from the relevant ministries.';
    const lines = askLabel({ ask_id: '113.1', ask_text: long });
    expect(lines.length).toBeLessThanOrEqual(2);
    const text = lines.join(' ');
    expect(text.endsWith(' …')).toBe(true);
    const words = text.replace(/^113\.1\s+/, '').replace(/ …$/, '').split(' ');
    expect(long.split(/\s+/).slice(0, words.length)).toEqual(words);
    expect(askLabel({ ask_id: '112.1', ask_text: 'Assist in the development of NPAs.' })).toEqual(['112.1 Assist in the development of NPAs.']);
  });
});

describe('mechanisms with no evidence', () => {
  const coverage = [
    { mechanism_id: 'commit', acronym: 'COMMIT', region: 'Asia-Pacific', covered: true },
    { mechanism_id: 'escap', acronym: 'ESCAP', region: 'Asia-Pacific', covered: false },
    { mechanism_id: 'eca', acronym: 'ECA', region: 'Africa', covered: false },
    { mechanism_id: 'sica', acronym: 'SICA', region: 'Latin America and the Caribbean', covered: false },
  ];
  const requests = [{ mechanism_id: 'commit', responded: true }, { mechanism_id: 'escap', responded: false }, { mechanism_id: 'eca', responded: true }];

  it('takes their response status from data_requests; absent means not asked', () => {
    expect(mechanismsWithoutEvidence(coverage, requests).map((m) => [m.acronym, m.response]))
      .toEqual([['ESCAP', 'did not respond'], ['SICA', 'not asked'], ['ECA', 'responded']]);
    expect(withoutEvidenceLines(mechanismsWithoutEvidence(coverage, requests))).toEqual([
      'Not shown: 3 mechanisms with no evidence in the report, by their answer to the request for information (para. 3):',
      'Did not respond (1): ESCAP.', 'Not asked (1): SICA.', 'Responded (1): ECA.',
    ]);
  });

  it('are named in the subtitle by status, not drawn as blank rows, in the matrix, redress and gender grids', () => {
    const rows = F.mechanismThemeRows();
    const blank = [...new Set(rows.map((r) => r.mechanism_id))].filter((id) => rows.filter((r) => r.mechanism_id === id).every((r) => !r.covered));
    expect(blank.length).toBeGreaterThan(0);
    const matrixIds = new Set(inlineValues(specs['mechanism-theme-matrix']).map((v) => v.mechanism_id));
    for (const id of blank) expect(matrixIds.has(id), id).toBe(false);
    // The other grids leave out only the rows that are blank there too (a registry fact may fill a cell).
    const stillBlank = {
      'redress-elements': (v: Record<string, unknown>) => !v.addresses_redress,
      'gender-inclusion': (v: Record<string, unknown>) => ['men_and_boys', 'gender_mainstreaming', 'child_specific'].every((m) => v[m] === 'unknown'),
    };
    for (const [name, isBlank] of Object.entries(stillBlank)) {
      const shown = inlineValues(specs[name as keyof typeof stillBlank]);
      for (const v of shown) if (blank.includes(String(v.mechanism_id))) expect(isBlank(v), `${name}: ${v.mechanism_id}`).toBe(false);
    }
    expect(subtitleLines(specs['mechanism-theme-matrix']).join(' ')).toMatch(/Not shown: \d+ mechanisms? with no evidence/);
    // Without the option the matrix keeps every row, as before.
    expect(new Set(inlineValues(mechanismThemeMatrix(rows)).map((v) => v.mechanism_id)).size).toBe(new Set(rows.map((r) => r.mechanism_id)).size);
  });
});

describe('charts of the seed build', () => {
  it('name the 14 mechanisms with no evidence by their answer to para. 3', () => {
    const spec = JSON.parse(readFileSync(join(builtOut(), 'charts', 'mechanism-theme-matrix.vl.json'), 'utf8'));
    const sub = subtitleLines(spec).join('\n');
    expect(sub).toContain('Not shown: 14 mechanisms with no evidence in the report');
    expect(sub).toMatch(/Did not respond \(9\): .*ESCAP/);
    expect(sub).toContain('Not asked (2): SICA, UNASUR.');
    expect(sub).toContain('Responded (3): ECA, ECLAC, OIC.');
    expect(titleText(spec)).toBe('COMMIT is described working on 18 of 20 themes; 14 of 31 mechanisms on none');
    for (const name of ['redress-elements', 'gender-inclusion']) {
      const other = JSON.parse(readFileSync(join(builtOut(), 'charts', `${name}.vl.json`), 'utf8'));
      expect(subtitleLines(other).join(' '), name).toMatch(/Not shown: \d+ mechanisms with no evidence in the report/);
    }
  });

  it('state the finding in the title and the kit as the source', () => {
    const redress = JSON.parse(readFileSync(join(builtOut(), 'charts', 'redress-elements.vl.json'), 'utf8'));
    expect(titleText(redress)).toBe('Only 4 of 31 mechanisms are described addressing any element of redress');
    for (const name of CHART_NAMES) {
      const spec = JSON.parse(readFileSync(join(builtOut(), 'charts', `${name}.vl.json`), 'utf8'));
      expect(subtitleLines(spec)[0], name).toBe('Source: Mechanism Atlas coding of A/HRC/14/32.');
    }
  });

  it('are at most 1,200 px wide at 1× (the PNGs are 2×)', () => {
    for (const name of CHART_NAMES) {
      const png = readFileSync(join(builtOut(), 'charts', `${name}.png`));
      expect(pngWidth(png) / 2, name).toBeLessThanOrEqual(1200);
    }
  });
});
