import { describe, expect, it } from 'vitest';
import { writeExplorer } from '../../pipelines/stages/write-explorer.ts';
import * as F from '../fixtures/explorer/rows.ts';

async function build(input = F.explorerInput()): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  await writeExplorer(input, { write: async (rel, data) => { files.set(rel, data); }, docSymbol: 'A/HRC/14/32' });
  return files;
}

describe('writeExplorer', () => {
  it('writes the page and its four vendored scripts, and nothing that points off the machine', async () => {
    const files = await build();
    expect([...files.keys()].sort()).toEqual(['explorer/index.html', 'explorer/vendor/minisearch.js', 'explorer/vendor/vega-embed.min.js',
      'explorer/vendor/vega-lite.min.js', 'explorer/vendor/vega.min.js']);
    const html = String(files.get('explorer/index.html'));
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
    expect(new TextDecoder().decode(files.get('explorer/vendor/minisearch.js') as Uint8Array)).not.toContain('sourceMappingURL');
  });

  it('is byte-identical for the same rows in any order', async () => {
    const a = await build();
    const t = F.explorerInput();
    const b = await build({
      ...t, paragraphs: [...t.paragraphs].reverse(), mentions: [...t.mentions].reverse(), evidence: [...t.evidence].reverse(),
      headings: [...t.headings].reverse(),
    });
    expect(b.get('explorer/index.html')).toBe(a.get('explorer/index.html'));
  });
});
