import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../../pipelines/report/render/html-escape.ts';

describe('escaping', () => {
  it('escapes & < > " \' for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('makes JSON safe inside a script element and round-trips it', () => {
    const v = { s: `</script><script>alert(1)</script> & \u2028` };
    const j = jsonForScript(v);
    expect(j).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(j)).toEqual(v);
  });
});
