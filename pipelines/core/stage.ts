/**
 * A stage is a named function from named inputs to named outputs (Kedro's node).
 * Inputs and outputs are catalog tables; `files:<dir>` names a folder of files
 * the stage writes into the build (charts, briefing). The runner loads inputs,
 * stores outputs, checks them against the catalog and logs one line.
 *
 * A stage is declared one way, with defineStage: its inputs arrive typed by the
 * catalog rows of the tables it names, it must return the tables it names as
 * outputs, and it sees only the parameters it declares. What its result depends
 * on, for the build cache (core/fingerprint.ts): the file declaring it and every
 * project file that file imports (read from the imports), the sources it reads,
 * its declared parameters and the stages upstream.
 */
import { fileURLToPath } from 'node:url';
import type { TableName, RowOfTable } from '../catalog/rows.ts';
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

export type ParamName = keyof Params;

export interface StageContext<P extends ParamName = ParamName> extends SourceDirs {
  db: Db;
  /** The parameters the stage declares, and no others (so its key need hash no others). */
  params: Pick<Params, P>;
  log: Logger;
  /** Write a file into the build folder (path relative to it). */
  write(rel: string, data: string | Uint8Array): Promise<void>;
  /** The previous build's folder, whose files a stage may reuse when their inputs are unchanged (none with --force). */
  previousDir?: string;
}

/**
 * What a stage starts ahead, as the build starts (its `warmUp`): something slow to start that
 * needs none of the stage's inputs, such as a thread loading its libraries or a browser. It loads
 * while the stages before it run, on a core they leave idle. The runner closes it once the stage
 * has run, or when the build ends without running it.
 */
export interface WarmStart { close(): Promise<void> }

/** Where a stage's warmUp looks: the sources, and the previous build's folder, if any (none with --force). */
export type WarmUpContext = Pick<StageContext, 'previousDir' | 'seedsDir'>;

/** A folder (or file) of the build a stage writes, rather than a table. */
export type FilesOutput = `files:${string}`;
export type StageOutput = TableName | FilesOutput;

/** Tables by name, untyped: what the runner passes around. */
export type Tables = Record<string, readonly Row[]>;

/** A stage's input tables, each typed by its catalog row. */
export type InputTables<I extends readonly TableName[]> = { [K in I[number]]: RowOfTable<K>[] };
/** A stage's output tables, each typed by its catalog row (file outputs are written through ctx.write). */
export type OutputTables<O extends readonly StageOutput[]> = { [K in Extract<O[number], TableName>]: readonly RowOfTable<K>[] };

interface StageBase {
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  /** Absolute path of the module declaring the stage: the root of the code its key covers. */
  module: string;
  /** Other files its result depends on that no import names (a SQL model's file). */
  files: readonly string[];
  /** The parameters it reads. */
  params: readonly ParamName[];
  /** Source files or folders the stage reads, given the source folders. */
  sources(dirs: SourceDirs): string[];
}

export interface TsStage extends StageBase {
  kind: 'ts';
  /** `ctx.params` holds only the declared parameters (the runner picks them), so the key hashes what the stage can read. */
  run(input: Tables, ctx: StageContext<never> & { warm?: WarmStart }): Promise<Tables> | Tables;
  /**
   * The runner does not load the inputs into `input`: the stage reads what it needs from
   * ctx.db (they stay inputs for the order of stages and the build cache).
   */
  readsOwnInputs?: boolean;
  /** Called as the build starts when the stage will run; what it starts reaches `run` as `ctx.warm`. */
  warmUp?(ctx: WarmUpContext): Promise<WarmStart | undefined>;
}

export interface SqlStage extends StageBase {
  kind: 'sql';
  outputs: readonly [string];
  model: SqlModel;
}

export type Stage = TsStage | SqlStage;

export interface StageDeclaration<I extends readonly TableName[], O extends readonly StageOutput[], P extends readonly ParamName[], W extends WarmStart = WarmStart> {
  name: string;
  /** `import.meta.url` of the declaring file. */
  module: string;
  inputs: I;
  outputs: O;
  params?: P;
  sources?(dirs: SourceDirs): string[];
  readsOwnInputs?: boolean;
  /** Start, as the build starts, what `run` will need and is slow to start (WarmStart); `run` gets it as `ctx.warm`. */
  warmUp?(ctx: WarmUpContext): Promise<W | undefined>;
  run(input: InputTables<I>, ctx: StageContext<P[number]> & { warm?: W }): Promise<OutputTables<O>> | OutputTables<O>;
}

/** Declare a TypeScript stage. */
export function defineStage<
  const I extends readonly TableName[], const O extends readonly StageOutput[], const P extends readonly ParamName[] = readonly [],
  W extends WarmStart = WarmStart,
>(d: StageDeclaration<I, O, P, W>): TsStage {
  return {
    kind: 'ts', name: d.name, module: fileURLToPath(d.module), files: [], inputs: d.inputs, outputs: d.outputs,
    params: d.params ?? [], sources: (dirs) => d.sources?.(dirs) ?? [], run: d.run as TsStage['run'],
    ...(d.readsOwnInputs ? { readsOwnInputs: true } : {}),
    ...(d.warmUp ? { warmUp: d.warmUp } : {}),
  };
}
