import { describe, expect, it } from 'vitest';
import { writeExplorer } from '../../pipelines/report/write-explorer.ts';
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

describe('explorerSlice', () => {
  it('keeps a small corpus whole and cuts a large one to its first documents by symbol, saying so', async () => {
    const { explorerSlice } = await import('../../pipelines/report/write-explorer.ts');
    const t = F.explorerInput();
    expect(explorerSlice(t).notice).toBeNull();
    const doc = t.documents[0]!;
    const many = { ...t, documents: [doc, { ...doc, doc_id: 'zz', symbol: 'Z/1' }, { ...doc, doc_id: 'aa', symbol: 'A/1' }] };
    const cut = explorerSlice(many, 2);
    expect(cut.tables.documents.map((d) => d.symbol).sort()).toEqual(['A/1', doc.symbol].sort());
    expect(cut.notice).toMatch(/first 2 of the corpus's 3 documents/);
    expect(cut.tables.paragraphs.every((p) => p.doc_id !== 'zz')).toBe(true);
  });
});

