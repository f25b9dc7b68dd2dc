/**
 * The project's one error type. Every failure a user can cause (bad seed, bad
 * registry record, failed check) is an AtlasError naming where and what, so the
 * build can print it as one clear message and exit non-zero.
 */
export interface ErrorWhere {
  /** File the problem is in (path as the user gave it or relative to the repo). */
  file?: string;
  /** 1-based line number in that file (on `page`, for a PDF). */
  line?: number;
  /** 1-based page of a PDF. */
  page?: number;
  /** Record id, table name or paragraph the problem concerns. */
  record?: string;
  /** Field of the record. */
  field?: string;
  /** Stage that raised it. */
  stage?: string;
  /** What the user can do about it. */
  hint?: string;
}

export class AtlasError extends Error {
  readonly where: ErrorWhere;
  readonly problem: string;
  constructor(problem: string, where: ErrorWhere = {}) {
    super(formatError(problem, where));
    this.name = 'AtlasError';
    this.problem = problem;
    this.where = where;
  }
}

export function formatError(problem: string, w: ErrorWhere): string {
  const loc = [
    w.file && (w.page ? `${w.file}, page ${w.page}${w.line ? `, line ${w.line}` : ''}` : w.line ? `${w.file}:${w.line}` : w.file),
    w.record && `record ${w.record}`,
    w.field && `field ${w.field}`,
  ].filter(Boolean).join(', ');
  const head = [w.stage && `[${w.stage}]`, loc && `${loc}:`].filter(Boolean).join(' ');
  return `${head ? head + ' ' : ''}${problem}${w.hint ? `\n  what to do: ${w.hint}` : ''}`;
}

/** Throw an AtlasError unless cond holds. */
export function ensure(cond: unknown, problem: string, where: ErrorWhere = {}): asserts cond {
  if (!cond) throw new AtlasError(problem, where);
}

/** The build refused its output folder before doing any work: nothing was built and nothing was changed. */
export class OutputFolderError extends AtlasError {}
