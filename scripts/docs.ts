/** Regenerate the README's table list from the catalog. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withCatalog } from '../pipelines/catalog/markdown.ts';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withCatalog(readFileSync(path, 'utf8')));
