/**
 * A stage is a named function from named inputs to named outputs (Kedro's node).
 * Inputs and outputs are catalog tables; `files:<dir>` names a folder of files
 * the stage writes into the build (charts, briefing). The runner loads inputs,
 * stores outputs, checks them against the catalog and logs one line.
 * `code` and `sources` say what the stage's result depends on, so an unchanged
 * stage is not run again.
 */
import type { Db, Row } from './db.ts';
import type { Logger } from './log.ts';
import type { Params } from './params.ts';
import type { SqlModel } from './sql-models.ts';

export interface SourceDirs {
  /** Folder with the source documents and their manifest. */
  seedsDir: string;
  /** Folder with curated and raw data (registry/, raw/). */
  dataDir: string;
}

export interface StageContext extends SourceDirs {
  db: Db;
  params: Params;
  log: Logger;
  /** Write a file into the build folder (path relative to it). */
  write(rel: string, data: string | Uint8Array): Promise<void>;
  /** The previous build's folder, whose files a stage may reuse when their inputs are unchanged (none with --force). */
  previousDir?: string;
}

export type Tables = Record<string, Row[]>;

interface StageBase {
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  /** Repo-relative files or folders holding the stage's code. */
  code: readonly string[];
  /** Source files or folders the stage reads, given the source folders. */
  sources(dirs: SourceDirs): string[];
}

export interface TsStage extends StageBase {
  kind: 'ts';
  run(input: Tables, ctx: StageContext): Promise<Tables> | Tables;
  /**
   * The runner does not load the inputs into `input`: the stage reads what it needs from
   * ctx.db (they stay inputs for the order of stages and the build cache).
   */
  readsOwnInputs?: boolean;
}

export interface SqlStage extends StageBase {
  kind: 'sql';
  outputs: readonly [string];
  model: SqlModel;
}

export type Stage = TsStage | SqlStage;

/** Declare a TypeScript stage. */
export function stage(
  name: string, inputs: readonly string[], outputs: readonly string[], run: TsStage['run'],
  deps: { code?: readonly string[]; sources?: (dirs: SourceDirs) => string[]; readsOwnInputs?: boolean } = {},
): TsStage {
  return {
    kind: 'ts', name, inputs, outputs, run, code: deps.code ?? [], sources: deps.sources ?? (() => []),
    ...(deps.readsOwnInputs ? { readsOwnInputs: true } : {}),
  };
}
