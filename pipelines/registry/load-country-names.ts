/**
 * Corrections to the UN M49 country names of data/raw/country-codes.csv, read from
 * data/registry/country_names.yaml (each with the name the CSV has now and a source).
 */
import { AtlasError } from '../core/errors.ts';
import { lineOf, readYamlFile } from '../core/yaml.ts';

export interface CountryNameCorrection {
  iso3: string;
  /** The UN M49 name to use. */
  name: string;
  /** The CSV's official_name_en the correction replaces. */
  file_has: string;
  source: string;
  /** Where the correction is written, for messages. */
  at: { file: string; line?: number };
}

const FIELDS = ['iso3', 'name', 'file_has', 'source'] as const;

/**
 * The corrections by ISO alpha-3 code.
 *
 * @example
 *   loadCountryNameCorrections('data/registry/country_names.yaml').get('CIV')?.name; // 'Côte d’Ivoire'
 */
export function loadCountryNameCorrections(file: string, shown = file): Map<string, CountryNameCorrection> {
  const y = readYamlFile(file, { file: shown });
  const list = (y.data as { corrections?: unknown } | null)?.corrections;
  if (!Array.isArray(list)) {
    throw new AtlasError('expected a mapping with a list `corrections:`', { file: shown, line: lineOf(y, []) ?? 1 });
  }
  const out = new Map<string, CountryNameCorrection>();
  list.forEach((raw, k) => {
    const at = { file: shown, line: lineOf(y, ['corrections', k]) };
    const rec = (raw ?? {}) as Record<string, unknown>;
    for (const f of FIELDS) {
      if (typeof rec[f] !== 'string' || (rec[f] as string).trim() === '') {
        throw new AtlasError(`correction ${k + 1} needs a non-empty text \`${f}\``, { ...at, line: lineOf(y, ['corrections', k, f]) ?? at.line, field: f });
      }
    }
    const iso3 = (rec.iso3 as string).trim();
    if (!/^[A-Z]{3}$/.test(iso3)) throw new AtlasError(`bad ISO alpha-3 code ${JSON.stringify(iso3)}`, { ...at, field: 'iso3' });
    if (out.has(iso3)) throw new AtlasError(`a second correction for ${iso3}`, { ...at, record: iso3 });
    out.set(iso3, { iso3, name: (rec.name as string).trim(), file_has: (rec.file_has as string).trim(), source: (rec.source as string).trim(), at });
  });
  return out;
}
