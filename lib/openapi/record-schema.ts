import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * The shape of a stored record as the API answers it, read from its Drizzle table: the
 * table is what the handlers serialise, so the document cannot drift from it. Instants are
 * sent as UTC ISO strings (§0), jsonb columns as JSON (typed more precisely by the caller,
 * from the input schema, where one exists).
 */
interface ColumnInfo {
  columnType: string;
  notNull: boolean;
  enumValues?: readonly string[];
}

function columnSchema(column: ColumnInfo): z.ZodType {
  const base = (() => {
    if (column.enumValues?.length) return z.enum(column.enumValues as [string, ...string[]]);
    switch (column.columnType) {
      case 'PgUUID':
        return z.string().meta({ format: 'uuid' });
      case 'PgTimestamp':
      case 'PgTimestampString':
        return z.string().meta({ format: 'date-time' });
      case 'PgDateString':
      case 'PgDate':
        return z.string().meta({ format: 'date' });
      case 'PgInteger':
      case 'PgSmallInt':
      case 'PgBigInt53':
        return z.int();
      case 'PgBoolean':
        return z.boolean();
      case 'PgJsonb':
      case 'PgJson':
        return z.unknown();
      default:
        return z.string();
    }
  })();
  return column.notNull ? base : base.nullable();
}

export interface RecordSchemaOptions {
  /** Columns kept out of the API's answer (internal ids, token hashes). */
  omit?: readonly string[];
}

export function recordSchemaOf(table: PgTable, options: RecordSchemaOptions = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, column] of Object.entries(getTableColumns(table))) {
    if (options.omit?.includes(name)) continue;
    shape[name] = columnSchema(column as unknown as ColumnInfo);
  }
  return z.object(shape);
}
