/**
 * Rich display for the notebooks: MIME bundles sent to the Deno Jupyter kernel
 * (`Deno.jupyter`), with a plain-text fallback everywhere else (tsx, vitest,
 * `deno run`), so the same calls work in a notebook and in a script.
 *
 * Tables are shown as `text/html` (a plain <table>, readable in JupyterLab,
 * VS Code, GitHub and nbconvert's HTML) plus an aligned `text/plain` copy.
 */
import { escapeHtml } from '../../pipelines/report/render.ts';

/** A Jupyter MIME bundle: MIME type → data (strings, or JSON objects). */
export type MimeBundle = Record<string, unknown>;

/** The symbol Deno's kernel calls to display a value left as a cell's last expression. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never;

interface DenoJupyter {
  display(obj: unknown, options?: { raw?: boolean }): Promise<void>;
  broadcast?(msgType: string, content: Record<string, unknown>): Promise<void>;
}

/** `Deno.jupyter` when running inside the Deno kernel, else undefined (the getter throws outside it). */
export function jupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno;
  if (!deno) return undefined;
  try {
    return deno.jupyter;
  } catch {
    return undefined;
  }
}

/** True inside a Jupyter notebook run by the Deno kernel. */
export function inJupyter(): boolean {
  return jupyter() !== undefined;
}

/**
 * Display a bundle in the notebook (optionally with per-MIME metadata, e.g.
 * the CSS size of a 2× PNG); outside Jupyter, print its text/plain part.
 */
export async function displayBundle(data: MimeBundle, metadata: MimeBundle = {}): Promise<void> {
  const j = jupyter();
  if (!j) {
    console.log(String(data['text/plain'] ?? data['text/markdown'] ?? ''));
    return;
  }
  if (Object.keys(metadata).length > 0 && j.broadcast) {
    await j.broadcast('display_data', { data, metadata, transient: {} });
  } else {
    await j.display(data, { raw: true });
  }
  // Deno 2.9's kernel can send a cell's last output after the cell's "idle" status,
  // and nbconvert/nbclient then drops it (about 1 cell in 10 when a display is the
  // cell's last statement). Yielding briefly lets the message go out first.
  await new Promise((resolve) => setTimeout(resolve, DISPLAY_FLUSH_MS));
}

/** Pause after each display so it reaches the frontend before the cell ends (see displayBundle). */
export const DISPLAY_FLUSH_MS = 100;

// ---------------------------------------------------------------------------
// Tables

export interface TableOptions {
  /** Rows shown (default 50); the rest are counted in a footer. */
  maxRows?: number;
  /** Characters shown per cell before an ellipsis (default 160; 0 = no limit). */
  maxChars?: number;
  /** Row labels (a DataFrame's index); default none. */
  index?: readonly unknown[];
  /** Caption above the table. */
  caption?: string;
}

/** One cell as text: lists joined with ", ", null as "null", long text cut. */
export function cellText(v: unknown, maxChars = 160): string {
  let s: string;
  if (v === null || v === undefined) s = 'null';
  else if (Array.isArray(v)) s = v.map((x) => cellText(x, 0)).join(', ');
  else if (typeof v === 'object') s = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
  else if (typeof v === 'number' && !Number.isInteger(v)) s = String(Math.round(v * 1e6) / 1e6);
  else s = String(v);
  return maxChars > 0 && s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s;
}

/** A table (column names + rows of values) as a Jupyter bundle: text/html and text/plain. */
export function tableBundle(columns: readonly string[], rows: readonly (readonly unknown[])[], opts: TableOptions = {}): MimeBundle {
  const maxRows = opts.maxRows ?? 50;
  const maxChars = opts.maxChars ?? 160;
  const shown = rows.slice(0, maxRows);
  const more = rows.length - shown.length;
  const withIndex = opts.index !== undefined;
  const shape = `${rows.length} row${rows.length === 1 ? '' : 's'} × ${columns.length} column${columns.length === 1 ? '' : 's'}`;

  const head = `<tr>${withIndex ? '<th></th>' : ''}${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = shown.map((r, i) => {
    const idx = withIndex ? `<th>${escapeHtml(cellText(opts.index![i], maxChars))}</th>` : '';
    const cells = r.map((v) => {
      const t = escapeHtml(cellText(v, maxChars));
      return v === null || v === undefined ? '<td style="color:#888">null</td>' : `<td style="text-align:left">${t}</td>`;
    }).join('');
    return `<tr>${idx}${cells}</tr>`;
  }).join('\n');
  const caption = opts.caption ? `<caption style="text-align:left;font-weight:bold">${escapeHtml(opts.caption)}</caption>` : '';
  const footer = `<p style="font-size:smaller;color:#555">${escapeHtml(shape)}${more > 0 ? ` (first ${shown.length} shown)` : ''}</p>`;
  const html = `<div class="atlas-table"><table class="dataframe" border="1">${caption}\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table>\n${footer}</div>`;

  return { 'text/html': html, 'text/plain': plainTable(columns, shown, { ...opts, maxChars: Math.min(maxChars || 40, 40) }) + `\n${shape}${more > 0 ? ` (first ${shown.length} shown)` : ''}` };
}

/** Aligned plain-text table (what a terminal or a text-only frontend shows). */
export function plainTable(columns: readonly string[], rows: readonly (readonly unknown[])[], opts: TableOptions = {}): string {
  const maxChars = opts.maxChars ?? 40;
  const withIndex = opts.index !== undefined;
  const header = [...(withIndex ? [''] : []), ...columns];
  const lines = rows.map((r, i) => [...(withIndex ? [cellText(opts.index![i], maxChars)] : []), ...r.map((v) => cellText(v, maxChars))]);
  const widths = header.map((h, j) => Math.max(h.length, ...lines.map((l) => l[j]!.length)));
  const fmt = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j]!)).join('  ').trimEnd();
  return [
    ...(opts.caption ? [opts.caption] : []),
    fmt(header),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...lines.map(fmt),
  ].join('\n');
}

/** Plain row objects → table bundle (columns from the first row's keys, plus any later ones). */
export function rowsBundle(rows: readonly Record<string, unknown>[], opts: TableOptions & { columns?: readonly string[] } = {}): MimeBundle {
  const columns = opts.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return tableBundle(columns, rows.map((r) => columns.map((c) => r[c])), opts);
}

/** Markdown → a bundle with text/markdown and the same text as text/plain. */
export function markdownBundle(markdown: string, plain = markdown): MimeBundle {
  return { 'text/markdown': markdown, 'text/plain': plain };
}

/** Display markdown (headings, lists, quotes) in the notebook. */
export async function showMarkdown(markdown: string): Promise<void> {
  await displayBundle(markdownBundle(markdown));
}

/** Escape text so markdown shows it as written (inline; line breaks kept). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
