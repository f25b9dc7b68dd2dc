/**
 * Assets read from node_modules: the vega/vega-lite/vega-embed browser builds
 * the chart pages load, and the world-atlas TopoJSON the maps draw.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtlasError } from '../../core/errors.ts';

/** Root folder of an installed package (walks up from this file to node_modules). */
export function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) {
      throw new AtlasError(`package ${name} is not installed`, { stage: 'render', hint: 'run npm ci' });
    }
    dir = up;
  }
}


/** Browser builds copied next to the chart pages, keyed by their path under charts/. */
export const VENDOR_SCRIPTS = [
  { pkg: 'vega', file: 'build/vega.min.js', relPath: 'vendor/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js', relPath: 'vendor/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js', relPath: 'vendor/vega-embed.min.js' },
] as const;

/** The vendor scripts as {relPath, data}; relPath is relative to charts/. */
export function vendorFiles(): { relPath: string; data: Uint8Array }[] {
  return VENDOR_SCRIPTS.map((v) => {
    const bytes = readFileSync(join(packageDir(v.pkg), v.file));
    // Drop the sourceMappingURL comment: the .map is not copied, and a
    // missing map makes devtools request it.
    const text = bytes.toString('utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
    return { relPath: v.relPath, data: new TextEncoder().encode(text) };
  });
}

/** The world-atlas 110m TopoJSON (countries with numeric ISO ids as strings). */
export function loadWorldAtlas(): WorldTopology {
  return JSON.parse(readFileSync(join(packageDir('world-atlas'), 'countries-110m.json'), 'utf8')) as WorldTopology;
}

export interface WorldTopology {
  type: 'Topology';
  objects: { countries: { type: 'GeometryCollection'; geometries: { type: string; id?: string; properties?: { name?: string }; arcs: unknown }[] }; land?: unknown };
  arcs: unknown[];
  bbox?: number[];
  transform?: unknown;
}
