/**
 * Command line: `tsx pipelines/add.ts [--seeds DIR] [--symbol S] [--date D] FILE...`.
 * Copies each document into the seeds folder and writes its manifest entry from
 * what the document prints; says what it read. Errors name the file and what to do.
 */
import { Command } from 'commander';
import { resolve, join } from 'node:path';
import { addDocuments } from './ingest/add-documents.ts';
import { AtlasError } from './core/errors.ts';
import { loadStateNames } from './ingest/state-names.ts';
import { MANIFEST_FILE } from './ingest/seed-manifest.ts';

const program = new Command()
  .name('tsx pipelines/add.ts')
  .description('Add UN documents (PDF or UTF-8 text) to the seeds folder and list them in its manifest.')
  .argument('<file...>', 'documents to add')
  .option('--seeds <dir>', 'seeds folder (created if missing)', 'seeds')
  .option('--data <dir>', 'folder holding raw/country-codes.csv (names of States)', 'data')
  .option('--symbol <symbol>', 'the document symbol, for one document that prints none')
  .option('--date <date>', 'the date (YYYY-MM-DD), for one document that prints none')
  .showHelpAfterError();

async function main(): Promise<number> {
  program.parse();
  const opts = program.opts<{ seeds: string; data: string; symbol?: string; date?: string }>();
  const files = program.args;
  try {
    const stateNames = loadStateNames(resolve(opts.data, 'raw', 'country-codes.csv'));
    const done = await addDocuments(files, { seedsDir: opts.seeds, symbol: opts.symbol, date: opts.date, stateNames });
    for (const d of done) {
      const e = d.entry;
      if (d.status === 'unchanged') {
        process.stdout.write(`unchanged ${d.file}: already listed as ${e.doc_id} (${e.symbol}, same SHA-256)\n`);
        continue;
      }
      const p = d.particulars!;
      const c = d.counts!;
      process.stdout.write(`added ${d.file} as ${e.doc_id}\n`
        + `  symbol    ${e.symbol}${p.symbolFrom === 'file name' ? ' (from the file name)' : p.symbolFrom === null ? ' (given)' : ''}\n`
        + `  title     ${e.title}\n`
        + `  date      ${e.date}\n`
        + `  body      ${e.body}\n`
        + `  language  ${e.language}${e.pages ? `, ${e.pages} pages` : ''}${e.profile ? `, profile ${e.profile}` : ''}\n`
        + `  sha256    ${e.sha256}\n`
        + `  read      ${c.paragraphs} paragraphs, ${c.headings} headings, ${c.footnotes} footnotes, ${c.items} sub-items\n`);
    }
    const n = done.filter((d) => d.status === 'added').length;
    process.stderr.write(`${n} added, ${done.length - n} unchanged; manifest: ${join(opts.seeds, MANIFEST_FILE)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AtlasError) {
      process.stderr.write(`error: ${e.message}\nnothing was added; ${join(opts.seeds, MANIFEST_FILE)} is unchanged\n`);
      return 1;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? e}\nnothing was added\n`);
    return 2;
  }
}

process.exitCode = await main();
