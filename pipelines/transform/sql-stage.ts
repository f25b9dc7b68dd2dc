/** A SQL model as a pipeline stage: its inputs are the catalog tables its SQL reads. */
import { relative } from 'node:path';
import { CATALOG } from '../catalog/index.ts';
import { readModel, modelInputs, type SqlLayer } from '../core/sql-models.ts';
import { REPO_ROOT } from '../core/fingerprint.ts';
import type { SqlStage } from '../core/stage.ts';

const TABLES = new Set(CATALOG.map((t) => t.name));

export function sqlStage(layer: SqlLayer, name: string): SqlStage {
  const model = readModel(layer, name);
  return {
    kind: 'sql', name: `sql:${layer}/${name}`, inputs: modelInputs(model, TABLES), outputs: [name], model,
    code: [relative(REPO_ROOT, model.file)], sources: () => [],
  };
}
