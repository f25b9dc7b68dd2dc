/** Vega-Lite → Vega, with Vega-Lite's warnings collected (and its errors thrown). */
import * as vegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { AtlasError } from '../../core/errors.ts';

/**
 * Vega-Lite warnings that are known to be harmless: a layered facet with
 * independent scales reads the same inline data through two forks.
 */
const BENIGN_WARNINGS = [/^Detected faceted independent scales that union domain of the same fields from different source/];

/** Compile a Vega-Lite spec to Vega; Vega-Lite warnings (other than the benign ones) are returned. */
export function compileSpec(spec: TopLevelSpec, name = 'chart') {
  const warnings: string[] = [];
  const logger = {
    level() { return logger; },
    error(...a: unknown[]) { throw new AtlasError(`Vega-Lite error: ${a.join(' ')}`, { stage: 'render', record: name }); },
    warn(...a: unknown[]) {
      const msg = a.join(' ');
      if (!BENIGN_WARNINGS.some((re) => re.test(msg))) warnings.push(msg);
      return logger;
    },
    info() { return logger; },
    debug() { return logger; },
  };
  const out = vegaLite.compile(spec, { logger: logger as never });
  return { vega: out.spec, warnings };
}
