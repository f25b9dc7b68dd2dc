import type { TableSpec } from './types.ts';
import type { TableName } from './rows.ts';
import * as report from './report.ts';
import * as registry from './registry.ts';
import * as evidence from './evidence.ts';
import * as transforms from './transforms.ts';
import * as coverage from './coverage.ts';
import * as country from './country.ts';
import * as corpus from './corpus.ts';
import * as named from './named.ts';

export * from './types.ts';
export * from './report.ts';
export * from './registry.ts';
export * from './evidence.ts';
export * from './transforms.ts';
export * from './coverage.ts';
export * from './country.ts';
export * from './corpus.ts';
export * from './named.ts';
export type { TableName, RowOfTable } from './rows.ts';

function tablesOf(mod: Record<string, unknown>): TableSpec[] {
  return Object.values(mod).filter((v): v is TableSpec =>
    typeof v === 'object' && v !== null && 'columns' in v && 'grain' in v);
}

const LAYER_ORDER = ['primary', 'staging', 'intermediate', 'reporting'];

/**
 * Every table the pipeline writes, by module (text, registry, evidence, …) and
 * within a module by layer then name; explicit, since a module namespace's key
 * order depends on the module loader.
 */
export const CATALOG: readonly TableSpec[] = [report, registry, evidence, transforms, coverage, country, corpus, named].flatMap((mod) => tablesOf(mod)
  .sort((a, b) => LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer) || a.name.localeCompare(b.name)));

export function tableSpec(name: string): TableSpec {
  const t = CATALOG.find((s) => s.name === name);
  if (!t) throw new Error(`no table named ${name} in the catalog`);
  return t;
}

/** Whether a name is a catalog table's (narrows a name read at run time to TableName). */
export function isTableName(name: string): name is TableName {
  return CATALOG.some((s) => s.name === name);
}
