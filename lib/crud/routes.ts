import type { Route } from '@/lib/http/route';
import type { CollectionDef } from './collection';
import {
  createRecord,
  deleteRecord,
  findRecord,
  listRecords,
  patchRecord,
  serializeOne,
} from './operations';

/** The five §0 routes of a declared collection. */
export function collectionRoutes(def: CollectionDef): Route[] {
  const base = `/${def.path}`;
  const item = `${base}/:id`;
  const write = def.writeAccess;
  const tag = def.tag;
  return [
    {
      method: 'GET',
      path: base,
      access: 'member',
      tag,
      summary: `List ${def.path}`,
      handle: async (ctx, { query }) => ({ body: await listRecords(ctx, def, query) }),
    },
    {
      method: 'POST',
      path: base,
      access: write,
      tag,
      summary: `Create a ${def.label.toLowerCase()}`,
      errors: def.writeErrors,
      handle: async (ctx, { body }) => ({ status: 201, body: await createRecord(ctx, def, body) }),
    },
    {
      method: 'GET',
      path: item,
      access: 'member',
      tag,
      summary: `Get a ${def.label.toLowerCase()}`,
      handle: async (ctx, { params }) => ({
        body: await serializeOne(ctx, def, await findRecord(ctx, def, params.id!)),
      }),
    },
    {
      method: 'PATCH',
      path: item,
      access: write,
      tag,
      summary: `Update a ${def.label.toLowerCase()}`,
      errors: def.writeErrors,
      handle: async (ctx, { params, body }) => ({
        body: await patchRecord(ctx, def, params.id!, body),
      }),
    },
    {
      method: 'DELETE',
      path: item,
      access: write,
      tag,
      summary: `Delete a ${def.label.toLowerCase()}`,
      handle: async (ctx, { params }) => ({ body: await deleteRecord(ctx, def, params.id!) }),
    },
  ];
}
