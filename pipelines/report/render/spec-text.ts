/** A spec's stable JSON text, title and description (no rendering library needed). */
import type { TopLevelSpec } from 'vega-lite';

/** JSON with object keys sorted at every level, 2-space indent, final newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** Title text of a spec ('' when none). */
export function specTitle(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  if (t && typeof t === 'object' && 'text' in t) {
    const x = (t as { text: unknown }).text;
    return Array.isArray(x) ? x.join(' ') : String(x ?? '');
  }
  return '';
}

export function specDescription(spec: TopLevelSpec): string {
  return String((spec as { description?: unknown }).description ?? '');
}
