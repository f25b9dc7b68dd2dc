/**
 * The row type of every catalog table, by name: what a stage that declares a
 * table as an input receives, and what a stage that declares it as an output
 * must return. Read from the table declarations, so there is no second list.
 */
import type * as report from './report.ts';
import type * as registry from './registry.ts';
import type * as evidence from './evidence.ts';
import type * as transforms from './transforms.ts';
import type * as coverage from './coverage.ts';
import type * as country from './country.ts';
import type * as corpus from './corpus.ts';
import type * as named from './named.ts';
import type { RowOf } from './types.ts';

type TableSpecsOf<M> = { [K in keyof M]: M[K] extends { name: string; grain: string; columns: readonly { name: string }[] } ? M[K] : never }[keyof M];

type Spec = TableSpecsOf<typeof report> | TableSpecsOf<typeof registry> | TableSpecsOf<typeof evidence>
  | TableSpecsOf<typeof transforms> | TableSpecsOf<typeof coverage> | TableSpecsOf<typeof country>
  | TableSpecsOf<typeof corpus> | TableSpecsOf<typeof named>;

/** The name of a catalog table. */
export type TableName = Spec['name'];

/** One row of the named catalog table, as a plain object. */
export type RowOfTable<N extends TableName> = RowOf<Extract<Spec, { name: N }>>;
