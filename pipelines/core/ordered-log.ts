/**
 * The build log in pipeline order while stages run at the same time (core/run-stages.ts).
 * Each stage logs through its own Logger; the lines of the earliest unfinished stage go
 * straight out, those of later stages wait until every stage before them has finished.
 * So the log reads the same whichever stage finishes first: each stage's lines together,
 * stages in pipeline order, the bench's parser (bench/build-log.ts) unchanged.
 */
import type { Logger } from './log.ts';

export interface OrderedLog {
  /** The logger of stage i (pipeline order). */
  stage(i: number): Logger;
  /** Stage i has written its last line (finished, failed or skipped). */
  finish(i: number): void;
}

/**
 * @example
 *   const log = orderedLog(stderrLogger(), 2);
 *   log.stage(1).info('b');   // held: stage 0 has not finished
 *   log.stage(0).info('a');   // written
 *   log.finish(0);            // writes 'b'
 */
export function orderedLog(out: Logger, n: number): OrderedLog {
  const held: ((l: Logger) => void)[][] = Array.from({ length: n }, () => []);
  const finished: boolean[] = new Array(n).fill(false);
  let head = 0; // the earliest stage not finished: its lines are written as they come
  const put = (i: number, line: (l: Logger) => void) => {
    if (i === head) line(out);
    else held[i]!.push(line);
  };
  return {
    stage: (i) => ({
      stage: (name, status, detail, ms) => put(i, (l) => l.stage(name, status, detail, ms)),
      info: (m) => put(i, (l) => l.info(m)),
      warn: (m) => put(i, (l) => l.warn(m)),
    }),
    finish(i) {
      finished[i] = true;
      while (head < n && finished[head]) {
        head++;
        if (head < n) { for (const line of held[head]!) line(out); held[head] = []; }
      }
    },
  };
}
