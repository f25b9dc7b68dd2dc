import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { fontPaths, textWidth } from '../../../pipelines/report/render/fonts.ts';

describe('text metrics', () => {
  it('match what resvg draws with the DejaVu fonts (within 3%)', () => {
    for (const [text, bold] of [['Promotion of cooperation with civil society', false], ['Mechanisms addressing each theme', true], ['Latin America and the Caribbean', false]] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="0" y="20" font-family="DejaVu Sans" font-size="11"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
      const r = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fontPaths(), defaultFontFamily: 'DejaVu Sans' } });
      const box = r.getBBox()!;
      const w = textWidth(text, 11, bold);
      expect(Math.abs(box.width - w) / w).toBeLessThan(0.03);
    }
  });
});
