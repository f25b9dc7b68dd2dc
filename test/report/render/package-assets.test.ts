import { describe, expect, it } from 'vitest';
import { vendorFiles } from '../../../pipelines/report/render/package-assets.ts';

describe('vendorFiles', () => {
  it('copies the vega, vega-lite and vega-embed builds, without source-map references', () => {
    const files = vendorFiles();
    expect(files.map((f) => f.relPath)).toEqual(['vendor/vega.min.js', 'vendor/vega-lite.min.js', 'vendor/vega-embed.min.js']);
    for (const f of files) {
      const text = new TextDecoder().decode(f.data);
      expect(text.length).toBeGreaterThan(50_000);
      expect(text).not.toContain('sourceMappingURL');
    }
  });
});
