/**
 * A SQL model as a pipeline stage: its inputs are the catalog tables its SQL
 * reads, its parameters the variables it reads with getvariable('…'), and its
 * key covers its SQL file and the shared macros besides this module's code.
 */
import { CATALOG } from '../catalog/index.ts';
import { readModel, modelInputs, MACROS_FILE, type SqlLayer } from '../core/sql-models.ts';
import { PARAMS } from '../core/params.ts';
import type { ParamName, SqlStage } from '../core/stage.ts';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const TABLES = new Set(CATALOG.map((t) => t.name));
const MODULE = fileURLToPath(import.meta.url);

const isParam = (name: string): name is ParamName => name in PARAMS;

/** The parameters a piece of SQL reads: getvariable('name'), comments left out. */
export function sqlParams(sql: string, where: string): ParamName[] {
  const found = new Set<ParamName>();
  for (const m of sql.replace(/--.*$/gm, '').matchAll(/getvariable\(\s*'([^']+)'\s*\)/gi)) {
    if (!isParam(m[1])) throw new Error(`${where}: getvariable('${m[1]}') names no parameter of pipelines/core/params.ts`);
    found.add(m[1]);
  }
  return [...found].sort();
}

let macroParams: ParamName[] | undefined; // read once: every model's stage shares the macros

export function sqlStage(layer: SqlLayer, name: string): SqlStage {
  const model = readModel(layer, name);
  macroParams ??= sqlParams(readFileSync(MACROS_FILE, 'utf8'), MACROS_FILE);
  const params = [...new Set([...sqlParams(model.sql, model.file), ...macroParams])].sort();
  return {
    kind: 'sql', name: `sql:${layer}/${name}`, inputs: modelInputs(model, TABLES), outputs: [name], model,
    module: MODULE, files: [model.file, MACROS_FILE], params, sources: () => [],
  };
}
