/**
 * Names of States as the UN prints them (formal, short and common English
 * names from data/raw/country-codes.csv), normalised for comparison; used to
 * tell a list of recommending States "(Brazil, Canada)" from other brackets.
 */
import { readFileSync } from 'node:fs';
import { parseCsvObjects } from '../core/csv.ts';
import { stateKey } from './parse-report/recommending-states.ts';
import { AtlasError } from '../core/errors.ts';

const NAME_COLUMNS = ['official_name_en', 'UNTERM English Short', 'UNTERM English Formal', 'CLDR display name'];

/** Names the UN printed in the years of the corpus (2009–2019) that the current reference no longer carries. */
const FORMER_NAMES = [
  'Turkey', 'the former Yugoslav Republic of Macedonia', 'Swaziland', 'Czech Republic', 'United Kingdom',
  'United States', 'Moldova', 'Libyan Arab Jamahiriya', 'Cape Verde', 'Holy See', 'State of Palestine',
];

export function loadStateNames(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AtlasError(`cannot read the country reference CSV (${(e as Error).message})`, { file, hint: 'restore data/raw/country-codes.csv' });
  }
  const out = new Set<string>(FORMER_NAMES.map(stateKey));
  for (const row of parseCsvObjects(text, file)) {
    for (const c of NAME_COLUMNS) {
      const v = row[c]?.trim();
      if (v) out.add(stateKey(v));
    }
  }
  return out;
}
