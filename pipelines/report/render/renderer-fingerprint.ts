/**
 * What a chart's files depend on besides its spec: the rendering code and the
 * versions of vega, vega-lite, resvg and the fonts. A chart is re-rendered when
 * its spec or this fingerprint changes (render-keys.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDir } from './package-assets.ts';

const RENDER_DIR = dirname(fileURLToPath(import.meta.url));
const PACKAGES = ['vega', 'vega-lite', 'vega-embed', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'subset-font', 'harfbuzzjs'] as const;

let cached: string | undefined;

/** SHA-256 (hex) of the render/ sources and the rendering packages' versions. */
export function rendererFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const f of readdirSync(RENDER_DIR).sort()) {
    if (!/\.(ts|mjs)$/.test(f)) continue;
    hash.update(`${f}\n`).update(readFileSync(join(RENDER_DIR, f))).update('\n');
  }
  for (const p of PACKAGES) {
    const { version } = JSON.parse(readFileSync(join(packageDir(p), 'package.json'), 'utf8')) as { version: string };
    hash.update(`${p}@${version}\n`);
  }
  cached = hash.digest('hex');
  return cached;
}
