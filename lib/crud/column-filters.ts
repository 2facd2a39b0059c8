import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FieldKind } from '@/lib/http/query';

/**
 * The filters every list offers on its records (issue 17): `id` and every id, boolean, date
 * and instant column, with the §0 operators their kind takes ($in and $ne for all; the
 * ranges for dates and instants). Enum fields are declared by their collections, which know
 * the values. `organization_id` is the router's (§0 tenancy), never a filter.
 */
const KIND_OF_COLUMN: Record<string, FieldKind> = {
  PgUUID: 'uuid',
  PgBoolean: 'boolean',
  PgTimestamp: 'instant',
  PgTimestampString: 'instant',
  PgDate: 'date',
  PgDateString: 'date',
};

export function columnFilters(
  table: PgTable,
  internal: readonly string[] = [],
): Record<string, FieldKind> {
  const filters: Record<string, FieldKind> = {};
  for (const [name, column] of Object.entries(getTableColumns(table))) {
    if (name === 'organization_id' || internal.includes(name)) continue;
    const { columnType, enumValues } = column as unknown as {
      columnType: string;
      enumValues?: readonly string[];
    };
    if (enumValues?.length) filters[name] = { enum: enumValues };
    else if (KIND_OF_COLUMN[columnType]) filters[name] = KIND_OF_COLUMN[columnType]!;
  }
  return filters;
}
