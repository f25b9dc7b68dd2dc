/** Open the seed build made once by test/global-setup.ts. */
import { inject } from 'vitest';
import { join } from 'node:path';
import { openDb, query, type Db } from '../../pipelines/core/db.ts';

export function builtOut(): string { return inject('outDir'); }

export async function openBuilt(): Promise<Db> {
  return openDb(join(builtOut(), 'atlas.duckdb'), { readOnly: true });
}

export { query };
