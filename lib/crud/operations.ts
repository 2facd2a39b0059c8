import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '@/lib/http/context';
import { mapDatabaseError } from '@/lib/http/db-errors';
import { notFound, validationError, type ErrorDetail } from '@/lib/http/errors';
import { isUuid, parseListQuery } from '@/lib/http/query';
import { zodToAppError } from '@/lib/http/responses';
import { READ_ONLY_FIELDS, type CollectionDef, type Row } from './collection';
import { filtersToSql, searchToSql, sortToSql } from './sql-filters';

/** The generic list/get/create/patch/delete every declared collection gets. */

export interface Page<T = Record<string, unknown>> {
  total: number;
  limit: number;
  skip: number;
  data: T[];
}

const columnsOf = (def: CollectionDef) => def.table as unknown as Record<string, PgColumn>;

export const serializeRow = (def: CollectionDef, row: Row) =>
  def.serialize ? def.serialize(row) : row;

/** One record as the API shows it (through `serializeMany` when the collection has one). */
export async function serializeOne(ctx: Ctx, def: CollectionDef, row: Row) {
  return def.serializeMany ? (await def.serializeMany(ctx, [row]))[0]! : serializeRow(def, row);
}

/** Splits parsed values into the table's columns and the collection's `related` fields. */
function splitRelated(def: CollectionDef, values: Record<string, unknown>) {
  const own: Record<string, unknown> = {};
  const related: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (def.related?.fields.includes(field)) related[field] = value;
    else own[field] = value;
  }
  return { own, related, hasRelated: Object.keys(related).length > 0 };
}

export async function listRecords(
  ctx: Ctx,
  def: CollectionDef,
  query: Record<string, unknown>,
  extraWhere: SQL[] = [],
): Promise<Page> {
  const list = parseListQuery(query, {
    filters: def.filters,
    sortable: def.sortable,
    searchable: !!(def.search?.length || def.searchSql),
    extra: def.extraParams?.names,
  });
  const columns = columnsOf(def);
  const search = list.search
    ? def.searchSql
      ? def.searchSql(ctx, list.search)
      : searchToSql(def.search ?? [], list.search)
    : undefined;
  const where = and(
    eq(def.table.organization_id, ctx.organization.id),
    ...filtersToSql(columns, list.filters),
    ...(search ? [search] : []),
    ...(def.extraParams ? def.extraParams.toSql(ctx, list.extra) : []),
    ...extraWhere,
  );
  const sort = list.sort.length
    ? list.sort
    : (def.defaultSort ?? [{ field: 'created_at', direction: 1 }]);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(def.table).where(where)) as [
    { total: number },
  ];
  const rows = (await ctx.db
    .select()
    .from(def.table)
    .where(where)
    .orderBy(...sortToSql(columns, sort), asc(def.table.id))
    .limit(list.limit)
    .offset(list.skip)) as Row[];
  const data = def.serializeMany
    ? await def.serializeMany(ctx, rows)
    : rows.map((r) => serializeRow(def, r));
  return { total: Number(total), limit: list.limit, skip: list.skip, data };
}

export async function findRecord(ctx: Ctx, def: CollectionDef, id: string): Promise<Row> {
  if (!isUuid(id)) throw notFound(def.label);
  const [row] = (await ctx.db
    .select()
    .from(def.table)
    .where(and(eq(def.table.organization_id, ctx.organization.id), eq(def.table.id, id)))
    .limit(1)) as Row[];
  if (!row) throw notFound(def.label);
  return row;
}

function parseBody(def: CollectionDef, mode: 'create' | 'patch', body: Record<string, unknown>) {
  const input = { ...body };
  for (const field of READ_ONLY_FIELDS) delete input[field];
  const schema = mode === 'create' ? def.createSchema : def.patchSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw zodToAppError(parsed.error, `The ${def.label.toLowerCase()} is invalid.`);
  return parsed.data;
}

/** §0: an id in a body naming a record outside the caller's organization is a 400. */
export async function checkReferences(
  ctx: Ctx,
  def: CollectionDef,
  values: Record<string, unknown>,
) {
  const checks = Object.entries(def.references ?? {})
    .filter(([field]) => values[field] !== undefined && values[field] !== null)
    .map(async ([field, ref]): Promise<ErrorDetail | null> => {
      const value = values[field] as string;
      const [found] = await ctx.db
        .select({ id: ref.table.id })
        .from(ref.table)
        .where(and(eq(ref.table.organization_id, ctx.organization.id), eq(ref.table.id, value)))
        .limit(1);
      return found
        ? null
        : { path: field, message: `${ref.label} ${value} does not exist in your organization.` };
    });
  const issues = (await Promise.all(checks)).filter((i): i is ErrorDetail => i !== null);
  if (issues.length)
    throw validationError('The request refers to records that do not exist.', issues);
}

/** Runs a write, turning a database refusal into the collection's 4xx. */
export async function guardWrite<T>(
  def: CollectionDef,
  op: 'write' | 'delete',
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw mapDatabaseError(error, def.constraintErrors, op) ?? error;
  }
}

export async function createRecord(ctx: Ctx, def: CollectionDef, body: Record<string, unknown>) {
  let values = parseBody(def, 'create', body);
  await checkReferences(ctx, def, values);
  if (def.prepareCreate) values = await def.prepareCreate(ctx, values);
  const { own, related, hasRelated } = splitRelated(def, values);
  const row = await guardWrite(def, 'write', () =>
    ctx.db.transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      await def.lockForWrite?.(txCtx, { values });
      const [inserted] = (await tx
        .insert(def.table)
        .values({ ...own, organization_id: ctx.organization.id })
        .returning()) as Row[];
      if (hasRelated) await def.related!.save(txCtx, inserted!, related);
      await def.validate?.(txCtx, inserted!, null);
      await def.afterWrite?.(txCtx, inserted!, null);
      return inserted!;
    }),
  );
  return serializeOne(ctx, def, row);
}

export async function patchRecord(
  ctx: Ctx,
  def: CollectionDef,
  id: string,
  body: Record<string, unknown>,
) {
  const previous = await findRecord(ctx, def, id);
  const parsed = parseBody(def, 'patch', body);
  await checkReferences(ctx, def, parsed);
  const values = def.mergePatch ? def.mergePatch(previous, parsed) : parsed;
  if (Object.keys(values).length === 0) return serializeOne(ctx, def, previous);
  const { own, related, hasRelated } = splitRelated(def, values);
  // A change to related fields alone still marks the record as updated.
  const set = Object.keys(own).length ? own : { updated_at: ctx.now };
  const row = await guardWrite(def, 'write', () =>
    ctx.db.transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      await def.lockForWrite?.(txCtx, { values, previous });
      const [updated] = (await tx
        .update(def.table)
        .set(set)
        .where(and(eq(def.table.organization_id, ctx.organization.id), eq(def.table.id, id)))
        .returning()) as Row[];
      if (!updated) throw notFound(def.label);
      if (hasRelated) await def.related!.save(txCtx, updated, related);
      await def.validate?.(txCtx, updated, previous);
      await def.afterWrite?.(txCtx, updated, previous);
      return updated;
    }),
  );
  return serializeOne(ctx, def, row);
}

export async function deleteRecord(ctx: Ctx, def: CollectionDef, id: string) {
  const row = await findRecord(ctx, def, id);
  const removed = await serializeOne(ctx, def, row);
  await guardWrite(def, 'delete', () =>
    ctx.db.transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      await def.lockForWrite?.(txCtx, { previous: row });
      // Checked under the locks, so nothing can start using the record in between.
      await def.beforeDelete?.(txCtx, row);
      const deleted = await tx
        .delete(def.table)
        .where(and(eq(def.table.organization_id, ctx.organization.id), eq(def.table.id, id)))
        .returning({ id: def.table.id });
      // Another request deleted it first.
      if (!deleted.length) throw notFound(def.label);
    }),
  );
  return removed;
}

/** Loads several records of a collection by id within the organization. */
export async function findRecords(ctx: Ctx, def: CollectionDef, ids: string[]): Promise<Row[]> {
  if (!ids.length) return [];
  return (await ctx.db
    .select()
    .from(def.table)
    .where(
      and(eq(def.table.organization_id, ctx.organization.id), inArray(def.table.id, ids)),
    )) as Row[];
}
