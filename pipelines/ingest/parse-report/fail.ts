import { AtlasError } from '../../core/errors.ts';

export const STAGE = 'parse-report';

/** An AtlasError for this stage, naming the file and the 1-based line. */
export function fail(file: string, line: number, problem: string, hint: string): AtlasError {
  return new AtlasError(problem, { file, line: Math.max(1, line), stage: STAGE, hint });
}
