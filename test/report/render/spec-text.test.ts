import { describe, expect, it } from 'vitest';
import { stableJson } from '../../../pipelines/report/render/spec-text.ts';

describe('stableJson', () => {
  it('sorts keys at every level, indents by 2 and ends with a newline', () => {
    const s = stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } });
    expect(s).toBe('{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});
