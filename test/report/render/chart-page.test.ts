import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { chartHtml } from '../../../pipelines/report/render/chart-page.ts';
import { plainSpec } from '../../fixtures/charts/render-helpers.ts';

describe('chartHtml', () => {
  it('escapes the title and description it writes itself', () => {
    const html = chartHtml('x', { ...plainSpec, title: `<b>"T"</b>`, description: `it's <i>` } as TopLevelSpec);
    expect(html).toContain('<title>&lt;b&gt;&quot;T&quot;&lt;/b&gt;</title>');
    expect(html).toContain('aria-label="it&#39;s &lt;i&gt;"');
  });
});
