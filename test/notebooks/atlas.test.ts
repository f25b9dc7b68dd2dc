/**
 * notebooks/lib on its own, under Node (no Jupyter): opening the build
 * read-only, SQL and DataFrames, citations, chart bundles, what-if SQL in a
 * scratch database. Runs against the fixture output folder.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  openAtlas, resolveOutDir, tableOrSql, plainValue, show, cite, showChart, PROJECT_ROOT, PARAMS, type Atlas,
} from '../../notebooks/lib/index.ts';
import { chartBundle, vegaLiteMime, VEGALITE_MIME } from '../../notebooks/lib/charts.ts';
import { cellText, escapeMarkdown, inJupyter, rowsBundle } from '../../notebooks/lib/display.ts';
import { writeFixtureOutput } from './fixture.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let tmp: string;
let out: string;
let atlas: Atlas;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-nblib-'));
  out = await writeFixtureOutput(join(tmp, 'output'));
  atlas = await openAtlas(out);
});
afterAll(() => {
  atlas?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('openAtlas', () => {
  it('says how to build when there is no database', async () => {
    await expect(openAtlas(join(tmp, 'nothing-here'))).rejects.toThrow(/no atlas database at .*nothing-here.*run `npx tsx pipelines\/build\.ts` first/);
  });

  it('takes the folder from ATLAS_OUT, else output/, relative paths from the project root', () => {
    expect(PROJECT_ROOT).toBe(resolve(ROOT));
    const before = process.env.ATLAS_OUT;
    try {
      delete process.env.ATLAS_OUT;
      expect(resolveOutDir()).toBe(join(PROJECT_ROOT, 'output'));
      process.env.ATLAS_OUT = 'elsewhere/out';
      expect(resolveOutDir()).toBe(join(PROJECT_ROOT, 'elsewhere/out'));
      process.env.ATLAS_OUT = '/abs/out';
      expect(resolveOutDir()).toBe('/abs/out');
      expect(resolveOutDir('given')).toBe(join(PROJECT_ROOT, 'given'));
    } finally {
      if (before === undefined) delete process.env.ATLAS_OUT; else process.env.ATLAS_OUT = before;
    }
  });

  it('opens the database read-only', async () => {
    await expect(atlas.sql('CREATE TABLE scribble AS SELECT 1 AS x')).rejects.toThrow(/read-only/i);
  });

  it('lists the catalog tables with their row counts in this build', async () => {
    const tables = await atlas.tables();
    const byName = Object.fromEntries(tables.map((t) => [t.table, t]));
    expect(byName.mechanisms!.rows).toBe(9);
    expect(byName.coverage_region_theme!.rows).toBe(30); // 5 regions × 6 themes
    expect(byName.headings!.rows).toBeNull(); // not in the fixture
    expect(byName.data_gaps!.layer).toBe('reporting');
  });
});

describe('sql and frame', () => {
  it('returns plain rows: counts as numbers, lists as arrays, $params bound', async () => {
    const rows = await atlas.sql('SELECT count(*) AS n, list(acronym ORDER BY acronym) AS a FROM mechanisms WHERE region = $r', { r: 'Europe and Central Asia' });
    expect(rows).toEqual([{ n: 2, a: ['CoE', 'OSCE'] }]);
    expect(plainValue(2n ** 60n)).toBe(2n ** 60n);
  });

  it('reads a bare table name in key order', async () => {
    expect(tableOrSql('data_gaps')).toBe('SELECT * FROM "data_gaps" ORDER BY "finding_id"');
    expect(tableOrSql('SELECT 1')).toBe('SELECT 1');
    const ids = (await atlas.sql<{ mechanism_id: string }>('mechanisms')).map((r) => r.mechanism_id);
    expect(ids).toEqual([...ids].sort());
  });

  it('loads a table or a query as a danfojs DataFrame that displays as a table', async () => {
    const df = await atlas.frame('coverage_region_theme');
    expect(df.shape).toEqual([30, 13]);
    expect(df.columns).toContain('paragraphs');
    const empty = await atlas.frame('SELECT finding_id, kind FROM data_gaps WHERE false');
    expect(empty.shape[0]).toBe(0);
    expect(empty.columns).toEqual(['finding_id', 'kind']);
    const bundle = (df as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')]!();
    expect(bundle['text/html']).toContain('<th>theme_label</th>');
    expect(bundle['text/plain']).toContain('30 rows × 13 columns');
  });
});

describe('cite', () => {
  it('quotes the paragraphs with "A/HRC/14/32, para. N" and says which are missing', async () => {
    const md = await atlas.citeMarkdown([88, 3, 999]);
    expect(md.indexOf('A/HRC/14/32, para. 88')).toBeLessThan(md.indexOf('A/HRC/14/32, para. 3'));
    expect(md).toContain('free legal aid and compensation');
    expect(md).toContain('No paragraph 999');
    const paras = await atlas.paragraphs([88]);
    expect(paras).toMatchObject([{ para_no: 88, symbol: 'A/HRC/14/32', citation: 'A/HRC/14/32, para. 88' }]);
  });

  it('prints the text outside Jupyter', async () => {
    expect(inJupyter()).toBe(false);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await cite([3]);
      await show([{ a: 1, b: [1, 2] }]);
      expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/A\/HRC\/14\/32, para\. 3\nFixture paragraph 3[\s\S]*a +b\n[- ]+\n1 +1, 2/);
    } finally {
      log.mockRestore();
    }
  });
});

describe('charts', () => {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Test', description: 'A test chart.',
    data: { values: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] },
    mark: 'bar',
    encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
  } as const;

  it('bundles a spec under the Vega-Lite MIME type of its $schema, with a PNG fallback at CSS size and no SVG', async () => {
    expect(VEGALITE_MIME).toBe('application/vnd.vegalite.v6+json');
    expect(vegaLiteMime({ $schema: 'https://vega.github.io/schema/vega-lite/v5.17.0.json' })).toBe('application/vnd.vegalite.v5+json');
    expect(vegaLiteMime({})).toBe(VEGALITE_MIME);
    const b = await chartBundle(spec as never);
    // no image/svg+xml: nbconvert would pick it over the PNG and its HTML sanitiser strips SVG
    expect(Object.keys(b.data).sort()).toEqual(['image/png', 'text/plain', VEGALITE_MIME].sort());
    expect(b.data[VEGALITE_MIME]).toBe(spec);
    expect(Buffer.from(String(b.data['image/png']), 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect((b.metadata['image/png'] as { width: number }).width).toBeGreaterThan(0);
    expect(b.warnings).toEqual([]);
  });

  it('draws an exploratory spec that makes Vega-Lite warn, and returns the warnings', async () => {
    const b = await chartBundle({ ...spec, encoding: { ...spec.encoding, size: { field: 'k', type: 'nominal' } }, mark: 'rect' } as never);
    expect(b.warnings.length).toBeGreaterThan(0);
    expect(Buffer.from(String(b.data['image/png']), 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows a built chart with the PNG the build rendered', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(atlas.charts()).toEqual(['mechanism-theme-matrix', 'region-theme-heatmap']);
      await showChart('region-theme-heatmap');
      expect(String(log.mock.calls[0]![0])).toMatch(/^\[chart region-theme-heatmap\] .+ described working on \d+ of \d+ themes/);
      expect(() => atlas.chartSpec('no-such-chart')).toThrow(/no chart named "no-such-chart".*charts there: mechanism-theme-matrix, region-theme-heatmap/);
    } finally {
      log.mockRestore();
    }
    const png = readFileSync(join(out, 'charts', 'region-theme-heatmap.png')).toString('base64');
    const { builtChartBundle } = await import('../../notebooks/lib/charts.ts');
    expect((await builtChartBundle(out, 'region-theme-heatmap')).data['image/png']).toBe(png);
  });
});

describe('scratch', () => {
  it('re-runs a model on the built tables and gives back the built rows', async () => {
    const s = await atlas.scratch();
    try {
      expect(await s.runModel('data_gaps')).toEqual(await atlas.sql('data_gaps'));
      expect(s.model('data_gaps').file).toMatch(/pipelines\/sql\/final\/data_gaps\.sql$/);
    } finally {
      s.close();
    }
  });

  it('recomputes with another threshold without touching the build', async () => {
    const s = await atlas.scratch({ few_mechanisms_max: PARAMS.few_mechanisms_max + 1 });
    try {
      const few = (rows: { kind: string }[]) => rows.filter((r) => r.kind === 'few_mechanisms').length;
      const built = few(await atlas.sql('data_gaps'));
      expect(few(await s.runModel('data_gaps'))).toBeGreaterThan(built);
      await s.sql('SET VARIABLE few_mechanisms_max = 0');
      expect(few(await s.sql(s.model('data_gaps').sql))).toBeLessThanOrEqual(built);
      expect(few(await atlas.sql('data_gaps'))).toBe(built);
      await expect(s.sql('CREATE TABLE atlas.main.scribble AS SELECT 1')).rejects.toThrow(/read-only/i);
    } finally {
      s.close();
    }
  });

  it('refuses parameters that pipelines/core/params.ts does not have', async () => {
    await expect(atlas.scratch({ few_mechanism_max: 3 } as never)).rejects.toThrow(/unknown parameter few_mechanism_max/);
    const s = await atlas.scratch();
    try {
      await expect(s.setParams({ nope: 1 } as never)).rejects.toThrow(/unknown parameter nope/);
      await s.setParams({ thin_region_max_share: 0.9 });
      expect(await s.sql("SELECT getvariable('thin_region_max_share') AS v")).toEqual([{ v: 0.9 }]);
    } finally {
      s.close();
    }
  });
});

describe('display helpers', () => {
  it('formats cells and escapes HTML and markdown', () => {
    expect(cellText([1, 2, 3])).toBe('1, 2, 3');
    expect(cellText(null)).toBe('null');
    expect(cellText('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    const b = rowsBundle([{ name: '<script>alert(1)</script>' }]);
    expect(String(b['text/html'])).not.toContain('<script>');
    expect(escapeMarkdown('a *b* [c] <d>')).toBe('a \\*b\\* \\[c\\] &lt;d&gt;');
  });
});
