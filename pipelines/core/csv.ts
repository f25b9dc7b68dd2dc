/**
 * RFC 4180 CSV, as the raw datasets print it: comma-separated, fields optionally in
 * double quotes with "" for a quote, line breaks allowed inside quotes, LF or CRLF
 * records, a leading BOM dropped, blank lines skipped. With `naAsNull`, an unquoted
 * NA is missing (R's write.csv); a quoted "NA" always stays text (Namibia's alpha-2).
 */
import { AtlasError } from './errors.ts';

/** One CSV record: the line it starts on and its fields. */
export interface CsvRecord { line: number; fields: (string | null)[] }

export function parseCsv(text: string, file = '<csv>', opts: { naAsNull?: boolean } = {}): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: (string | null)[] = [];
  let field = '';
  let quoted = false;     // the current field was quoted
  let inQuotes = false;   // inside a quoted section
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;

  const endField = () => {
    fields.push(opts.naAsNull && !quoted && field === 'NA' ? null : field);
    field = ''; quoted = false; atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (!atFieldStart) throw new AtlasError('quote inside an unquoted field', { file, line });
      inQuotes = true; quoted = true; atFieldStart = false;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (quoted) throw new AtlasError(`text after a closing quote (${JSON.stringify(ch)})`, { file, line });
      field += ch; atFieldStart = false;
    }
  }
  if (inQuotes) throw new AtlasError('unterminated quoted field', { file, line: recordLine });
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}

/** Parse a CSV with a header row into objects keyed by column name (fields as text). */
export function parseCsvObjects(text: string, file = '<csv>'): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, file);
  if (!header) throw new AtlasError('CSV has no header row', { file, line: 1 });
  return rows.map((r) => {
    if (r.fields.length !== header.fields.length) {
      throw new AtlasError(`CSV record has ${r.fields.length} fields, header has ${header.fields.length}`, { file, line: r.line });
    }
    return Object.fromEntries(header.fields.map((h, j) => [String(h), String(r.fields[j])]));
  });
}
