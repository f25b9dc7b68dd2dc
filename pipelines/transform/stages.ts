/** The transform layer's stages: one a SQL model, in the order of transform/sql-stages.ts. */
import { sqlStage } from './sql-stage.ts';
import { SQL_MODELS } from './sql-stages.ts';

export const TRANSFORM_STAGES = SQL_MODELS.map((m) => sqlStage(m.layer, m.name));
