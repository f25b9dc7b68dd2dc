import { describe, expect, it } from 'vitest';
import { formatCitation, formatMechanisms, formatParas, wrapLabel, wrapLabelExpr } from '../../../pipelines/report/charts/common.ts';
import { BLUES_9, COLORS, FONT, OKABE_ITO, SCHEMES, chartConfig } from '../../../pipelines/report/charts/theme.ts';
import { buildChartSpecs, type ChartTables } from '../../../pipelines/report/render-charts.ts';
import * as F from '../../fixtures/charts/rows.ts';

describe('paragraph and mechanism formatting', () => {
  it('formats paragraph lists as "paras. 85, 88, 89" (sorted, unique)', () => {
    expect(formatParas([89, 85, 88, 85])).toBe('paras. 85, 88, 89');
    expect(formatParas([88])).toBe('para. 88');
    expect(formatParas([])).toBe('no paragraph');
    expect(formatParas(null)).toBe('no paragraph');
  });
  it('formats citations with the document symbol passed in', () => {
    expect(formatCitation('A/HRC/14/32', [88, 85, 87])).toBe('A/HRC/14/32, paras. 85, 87, 88');
    expect(formatCitation('A/HRC/14/32', [3])).toBe('A/HRC/14/32, para. 3');
    expect(formatCitation('A/HRC/14/32', [])).toBe('A/HRC/14/32');
  });
  it('formats mechanism lists with labels, sorted', () => {
    expect(formatMechanisms(['eu', 'coe', 'x'], { eu: 'EU', coe: 'CoE' })).toBe('CoE, EU, x');
    expect(formatMechanisms([])).toBe('none');
  });
  it('wraps labels at spaces without losing words', () => {
    expect(wrapLabel('Latin America and the Caribbean', 16)).toEqual(['Latin America', 'and the', 'Caribbean']);
    expect(wrapLabel('Africa', 16)).toEqual(['Africa']);
    expect(wrapLabelExpr(['Africa'])).toBeUndefined();
    expect(wrapLabelExpr(['Middle East and North Africa'], 16)).toBe('({"Middle East and North Africa":["Middle East and","North Africa"]})[(datum.label)] || (datum.label)');
  });
});

describe('theme', () => {
  it('sets the DejaVu font first and never truncates labels', () => {
    const c = chartConfig();
    expect(String(c.font).split(',')[0]).toBe(FONT);
    expect(c.axis?.labelLimit).toBe(0);
    expect(c.legend?.labelLimit).toBe(0);
    expect(c.header?.labelLimit).toBe(0);
  });

  it('every chart uses only Okabe–Ito colours, greys and colour-blind-safe schemes', () => {
    const tables: ChartTables = F.chartTables();
    const allowed = new Set<string>([...Object.values(OKABE_ITO), ...Object.values(COLORS), ...BLUES_9, 'white', 'black'].map((c) => c.toLowerCase()));
    const schemes = new Set<string>(Object.values(SCHEMES));
    for (const [name, spec] of Object.entries(buildChartSpecs(tables))) {
      const seen: string[] = [];
      const walk = (v: unknown, key = ''): void => {
        if (Array.isArray(v)) { if (key === 'range') v.forEach((x) => seen.push(String(x))); else v.forEach((x) => walk(x)); return; }
        if (!v || typeof v !== 'object') {
          if (typeof v === 'string' && ['color', 'fill', 'stroke', 'value'].includes(key) && /^(#|white|black)/i.test(v)) seen.push(v);
          if (key === 'scheme') expect(schemes.has(String(v)), `${name}: scheme ${v}`).toBe(true);
          return;
        }
        for (const [k, x] of Object.entries(v)) if (k !== 'data' && k !== 'values' && k !== 'config') walk(x, k);
      };
      walk(spec);
      expect(seen.length, `${name} declares its colours`).toBeGreaterThan(0);
      for (const c of seen) expect(allowed.has(c.toLowerCase()), `${name}: colour ${c}`).toBe(true);
    }
  });
});
