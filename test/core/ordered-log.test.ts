import { describe, it, expect } from 'vitest';
import { memoryLogger } from '../../pipelines/core/log.ts';
import { orderedLog } from '../../pipelines/core/ordered-log.ts';

describe('orderedLog', () => {
  it('writes the earliest unfinished stage\'s lines as they come and holds later stages\' lines until the stages before them finish', () => {
    const out = memoryLogger();
    const log = orderedLog(out, 3);
    log.stage(2).info('c1');
    log.stage(1).warn('b1');
    log.stage(0).info('a1');
    expect(out.lines).toEqual(['a1']);
    log.finish(2);
    expect(out.lines).toEqual(['a1']);
    log.finish(0);
    expect(out.lines).toEqual(['a1', 'warning: b1']); // stage 1 is now the head: its lines go straight out
    log.stage(1).stage('b', 'ran', 'x=1', 5);
    expect(out.lines.at(-1)).toMatch(/^\[ran\] b\s+x=1\s+5 ms$/);
    log.finish(1);
    expect(out.lines.slice(-1)).toEqual(['c1']);
  });
});
