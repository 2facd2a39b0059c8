import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { ConstraintErrors } from '@/lib/http/db-errors';
import { columnFilters } from './column-filters';
import type { ErrorCode } from '@/lib/http/error-codes';
import type { Ctx } from '@/lib/http/context';
import type { FieldKind, SortKey } from '@/lib/http/query';

/**
 * A collection declared as data (DESIGN.md "Declare CRUD once"): one generic module turns
 * it into list/get/create/patch/delete domain functions and routes.
 */
export type TenantTable = PgTable & {
  id: PgColumn;
  organization_id: PgColumn;
  created_at: PgColumn;
};

export type Row = Record<string, unknown> & { id: string; organization_id: string };

export interface Reference {
  /** Table the id must exist in, within the caller's organization. */
  table: TenantTable;
  label: string;
}

export interface CollectionDef {
  /** URL segment under /api, e.g. `contacts`. */
  path: string;
  /** Singular, for messages: `Contact`. */
  label: string;
  tag: string;
  table: TenantTable;
  createSchema: z.ZodType<Record<string, unknown>>;
  patchSchema: z.ZodType<Record<string, unknown>>;
  /** Filters beyond those its columns give (`columnFilters`), e.g. enums, text, integers. */
  filters: Record<string, FieldKind>;
  /** Columns that are not part of the record as answered (internal ids, hashes): never filters. */
  internalColumns?: readonly string[];
  sortable: readonly string[];
  defaultSort?: SortKey[];
  /** Columns `$search` matches, case-insensitively. */
  search?: PgColumn[];
  /** A search that is not a plain ILIKE over own columns (e.g. across a join). */
  searchSql?: (ctx: Ctx, text: string) => SQL | undefined;
  /** Query parameters that are not column filters (e.g. reservations' `date`), turned into SQL. */
  extraParams?: {
    names: readonly string[];
    toSql: (ctx: Ctx, values: Record<string, unknown>) => SQL[];
  };
  /** Body fields holding ids of other records (§0: another organization's id → 400). */
  references?: Record<string, Reference>;
  /** Who may write; everyone signed in may read. */
  writeAccess: 'member' | 'admin';
  /** Friendly errors for named database constraints (uniques, checks). */
  constraintErrors?: ConstraintErrors;
  /** Error codes its create and patch can answer beyond every write's (e.g. `slug_taken`). */
  writeErrors?: readonly ErrorCode[];
  /** Fill values that depend on the caller, e.g. a resource's default timezone. */
  prepareCreate?: (
    ctx: Ctx,
    values: Record<string, unknown>,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Combine a patch with the stored record, e.g. merge `custom_fields_by_key` by key. */
  mergePatch?: (previous: Row, values: Record<string, unknown>) => Record<string, unknown>;
  /** Rules the database cannot state, checked on the whole record after create/patch. */
  validate?: (ctx: Ctx, record: Row, previous: Row | null) => Promise<void>;
  /** Runs in the delete's transaction, after `lockForWrite`. */
  beforeDelete?: (ctx: Ctx, row: Row) => Promise<void>;
  /**
   * Takes the rows a write must lock before it changes anything, in its transaction
   * (catalog records that decide bookings: lib/reservations/write-lock.ts).
   */
  lockForWrite?: (
    ctx: Ctx,
    change: { values?: Record<string, unknown>; previous?: Row },
  ) => Promise<void>;
  /** Brings dependent rows in line with a created or changed record, in its transaction. */
  afterWrite?: (ctx: Ctx, record: Row, previous: Row | null) => Promise<void>;
  /**
   * Body fields stored outside the table (e.g. a booking link's `service_ids` in a join
   * table): kept out of the row and handed to `save` in the same transaction.
   */
  related?: {
    fields: readonly string[];
    save: (ctx: Ctx, row: Row, values: Record<string, unknown>) => Promise<void>;
  };
  serialize?: (row: Row) => Record<string, unknown>;
  /** Shapes a page of rows at once (e.g. to load related records in one query per page). */
  serializeMany?: (ctx: Ctx, rows: Row[]) => Promise<Record<string, unknown>[]>;
}

/** Fields a client may send back unchanged from a GET; they are ignored, never applied (§0). */
export const READ_ONLY_FIELDS = ['id', 'created_at', 'updated_at'] as const;

/** A collection filters on its id, reference, boolean and time columns besides what it declares. */
export function defineCollection(def: CollectionDef): CollectionDef {
  const own = columnFilters(def.table, def.internalColumns);
  return { ...def, filters: { ...own, ...def.filters } };
}
