import { openDb, query, writeRows, createTableSql } from '../pipelines/lib/db.ts';
import { tableSpec } from '../pipelines/catalog/index.ts';
import { DuckDBDataChunk, DuckDBDataChunkWriter, JSToDuckDBValueConverter, VARCHAR, INTEGER, BOOLEAN, LIST, listValue } from '@duckdb/node-api';
import { writeFileSync, rmSync } from 'node:fs';
const src = await openDb('/tmp/abs/ph1000/atlas.duckdb', { readOnly: true });
const tables = (process.env.TABLES ?? 'paragraphs,mentions,evidence').split(',');
const data: Record<string, any[]> = {};
for (const t of tables) { const t0 = performance.now(); data[t] = await query(src, `SELECT * FROM ${t}`); console.log('read', t, data[t].length, (performance.now() - t0).toFixed(0)); }
src.close();
const mode = process.argv[2];
rmSync('/tmp/abs/wb.duckdb', { force: true });
const db = await openDb(process.env.MEM ? undefined : '/tmp/abs/wb.duckdb');
for (const t of tables) {
  const spec = tableSpec(t);
  const rows = data[t];
  const t0 = performance.now();
  if (mode === 'appender') await writeRows(db, spec, rows);
  else if (mode === 'json') {
    await db.conn.run(createTableSql(spec));
    const f = `/tmp/abs/wb-${t}.json`;
    const cols = spec.columns.map((c) => c.name);
    const parts: string[] = [];
    for (const r of rows) { const o: any = {}; for (const c of cols) o[c] = r[c]; parts.push(JSON.stringify(o)); }
    writeFileSync(f, parts.join('\n'));
    const t1 = performance.now();
    const colsSql = '{' + spec.columns.map((c) => `'${c.name}': '${c.type}'`).join(', ') + '}';
    await db.conn.run(`INSERT INTO "${t}" SELECT * FROM read_json('${f}', format='newline_delimited', columns=${colsSql})`);
    console.log('  json write', (t1 - t0).toFixed(0), 'load', (performance.now() - t1).toFixed(0));
  } else if (mode === 'vec') {
    await db.conn.run(createTableSql(spec));
    const app = await db.conn.createAppender(t);
    const types = spec.columns.map((c) => c.type === 'VARCHAR' ? VARCHAR : c.type === 'INTEGER' ? INTEGER : c.type === 'BOOLEAN' ? BOOLEAN : c.type === 'INTEGER[]' ? LIST(INTEGER) : LIST(VARCHAR));
    for (let off = 0; off < rows.length; off += 2048) {
      const n = Math.min(2048, rows.length - off);
      const chunk = DuckDBDataChunk.create(types, n);
      spec.columns.forEach((c, j) => {
        const v = chunk.getColumnVector(j);
        for (let i = 0; i < n; i++) {
          const x = rows[off + i][c.name];
          v.setItem(i, x == null ? null : c.type.endsWith('[]') ? listValue(x) : x);
        }
        v.flush();
      });
      app.appendDataChunk(chunk);
    }
    app.closeSync();
  } else if (mode === 'chunk') {
    await db.conn.run(createTableSql(spec));
    const app = await db.conn.createAppender(t);
    const w = DuckDBDataChunkWriter.forAppender(app, { converter: JSToDuckDBValueConverter });
    const cols = spec.columns.map((c) => c.name);
    const row = new Array(cols.length);
    for (const r of rows) { for (let j = 0; j < cols.length; j++) row[j] = r[cols[j]] ?? null; w.appendRow(row); }
    w.flush(); app.closeSync();
  }
  console.log(mode, t, rows.length, (performance.now() - t0).toFixed(0), 'ms');
}
const t0 = performance.now(); db.close(); console.log('close', (performance.now() - t0).toFixed(0));
