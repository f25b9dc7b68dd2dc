/** One line per stage on stderr: name, rows, time. Tests pass a capturing logger. */
export interface Logger {
  stage(name: string, status: 'ran' | 'fresh', detail: string, ms: number): void;
  info(message: string): void;
  warn(message: string): void;
}

export function stderrLogger(write: (s: string) => void = (s) => process.stderr.write(s)): Logger {
  return {
    stage: (name, status, detail, ms) => write(`[${status}] ${name.padEnd(26)} ${detail.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms\n`),
    info: (m) => write(`${m}\n`),
    warn: (m) => write(`warning: ${m}\n`),
  };
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...stderrLogger((s) => lines.push(s.trimEnd())) };
}
