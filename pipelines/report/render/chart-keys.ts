/**
 * Which charts can be taken from the previous build. Each chart's key is the
 * SHA-256 of the renderer fingerprint and its .vl.json text (the spec with its
 * data); the keys are written to charts/render-keys.json. A chart whose key
 * equals the previous build's has the same SVG, PNG and HTML, so those files
 * are read back instead of rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RENDER_KEYS_FILE = 'charts/render-keys.json';

export function chartKey(json: string, fingerprint: string): string {
  return createHash('sha256').update(fingerprint).update('\n').update(json).digest('hex');
}

/** The keys file's text: chart name → key, names sorted. */
export function renderKeysJson(keys: Readonly<Record<string, string>>): string {
  const sorted = Object.fromEntries(Object.keys(keys).sort().map((k) => [k, keys[k]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** The previous build's keys ({} when it has none or they cannot be read: everything is rendered). */
export function readRenderKeys(previousDir: string | undefined): Record<string, string> {
  if (!previousDir) return {};
  const path = join(previousDir, RENDER_KEYS_FILE);
  if (!existsSync(path)) return {};
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, string> : {};
  } catch {
    return {};
  }
}

export interface ReusedChart { svg: string; png: Uint8Array; html: string; width: number; height: number }

/** A chart's files from the previous build, or null when any is missing. */
export function readPreviousChart(previousDir: string, name: string): ReusedChart | null {
  const file = (ext: string) => join(previousDir, 'charts', `${name}.${ext}`);
  if (!['svg', 'png', 'html'].every((ext) => existsSync(file(ext)))) return null;
  const svg = readFileSync(file('svg'), 'utf8');
  const open = /^<svg([^>]*)>/.exec(svg)?.[1] ?? '';
  const width = Number(/ width="([\d.]+)"/.exec(open)?.[1]);
  const height = Number(/ height="([\d.]+)"/.exec(open)?.[1]);
  if (!(width > 0 && height > 0)) return null;
  return { svg, png: new Uint8Array(readFileSync(file('png'))), html: readFileSync(file('html'), 'utf8'), width, height };
}
