/**
 * The project's import graph, read from the import statements themselves: for
 * a module, every project file it loads at run time, transitively. Stage keys
 * hash these files (so a stage re-runs when any code it runs changes) and a test
 * checks the graph has no cycle.
 *
 * A static scan rather than esbuild's metafile: esbuild needs ~120 ms warm (and
 * ~350 ms with its service starting) for what this does in a few milliseconds,
 * and the no-change rebuild must stay near the cost of starting tsx.
 * Counted: `import … from`, `export … from`, side-effect `import '…'`, dynamic
 * `import('…')` with a literal path, and `new URL('…', import.meta.url)` naming a
 * file other than a .ts module (files a module reads beside itself, such as the
 * explorer's client script). Left out:
 * `import type` / `export type` (erased before running) and packages (their
 * versions are in package-lock.json, hashed for every stage).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** One import of a module: the file it names and whether it is loaded only when called (`import()`). */
export interface ImportEdge { file: string; dynamic: boolean }

// Strings (one line, or a template) and comments, in the order they start; one native pass.
const TOKENS = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
const STATIC = /(?:^|[;\n}])\s*(?:import|export)\s+(type\s+)?(?:([\w*{}\s,$]+?)\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const ASSET = /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/**
 * The code without its comments, so an example import in a doc comment is not read as one.
 * Strings are skipped whole, so a '/*' or '//' inside one (a glob, a URL) starts no comment.
 * (A regular-expression literal holding a quote is not told apart; none imports anything.)
 */
export function withoutComments(src: string): string {
  return src.replace(TOKENS, (t) => (t.startsWith('//') || t.startsWith('/*') ? ' ' : t));
}

/** A relative specifier as a file on disk (`./x.ts`, `./x` → `./x.ts`, a folder → its index.ts), or null. */
function resolveSpecifier(from: string, spec: string): string | null {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return null;
  const base = resolve(dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (statSync(f, { throwIfNoEntry: false })?.isFile()) return f;
  }
  return null;
}

/** `{ type A, type B }`: every name imported as a type, so the import is erased (tsx has no verbatimModuleSyntax). */
function isTypeOnlyClause(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1].split(',').map((n) => n.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** The project files one module imports (type-only imports left out), in source order. */
export function importsOf(file: string, source = readFileSync(file, 'utf8')): ImportEdge[] {
  if (!/\.[cm]?[jt]s$/.test(file)) return []; // an asset (SQL, script, font) imports nothing
  const code = withoutComments(source);
  const found: { at: number; spec: string; dynamic: boolean }[] = [];
  for (const m of code.matchAll(STATIC)) {
    const isTypeOnly = m[1] !== undefined || (m[2] !== undefined && isTypeOnlyClause(m[2]));
    if (!isTypeOnly) found.push({ at: m.index, spec: m[3], dynamic: false });
  }
  for (const m of code.matchAll(DYNAMIC)) found.push({ at: m.index, spec: m[1], dynamic: true });
  // a .ts file named by URL is a path the module computes with (the runner's, for its key), not code it loads
  for (const m of code.matchAll(ASSET)) if (!m[1].endsWith('.ts')) found.push({ at: m.index, spec: m[1], dynamic: false });
  found.sort((a, b) => a.at - b.at);
  const out: ImportEdge[] = [];
  for (const f of found) {
    const target = resolveSpecifier(file, f.spec);
    if (target) out.push({ file: target, dynamic: f.dynamic });
  }
  return out;
}

/** Import graph of every module reachable from the roots: file → the project files it imports. */
export function importGraph(roots: readonly string[]): Map<string, ImportEdge[]> {
  const graph = new Map<string, ImportEdge[]>();
  const todo = [...roots];
  while (todo.length) {
    const f = todo.pop()!;
    if (graph.has(f)) continue;
    const edges = importsOf(f);
    graph.set(f, edges);
    for (const e of edges) if (!graph.has(e.file)) todo.push(e.file);
  }
  return graph;
}

/** A module and every project file it imports, transitively, sorted. */
export function closureOf(root: string, graph: Map<string, ImportEdge[]>): string[] {
  const seen = new Set<string>([root]);
  const todo = [root];
  while (todo.length) {
    for (const e of graph.get(todo.pop()!) ?? []) {
      if (!seen.has(e.file)) { seen.add(e.file); todo.push(e.file); }
    }
  }
  return [...seen].sort();
}

/** Every import cycle (strongly connected component of more than one file, or a file importing itself), each sorted. */
export function importCycles(graph: Map<string, ImportEdge[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const frames: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next); low.set(start, next); next++;
    stack.push(start); onStack.add(start);
    while (frames.length) {
      const top = frames[frames.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const w = edges[top.edge++].file;
        if (!index.has(w)) {
          index.set(w, next); low.set(w, next); next++;
          stack.push(w); onStack.add(w);
          frames.push({ node: w, edge: 0 });
        } else if (onStack.has(w)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        }
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); scc.push(w); } while (w !== top.node);
        const selfLoop = edges.some((e) => e.file === top.node);
        if (scc.length > 1 || selfLoop) cycles.push(scc.sort());
      }
    }
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}
