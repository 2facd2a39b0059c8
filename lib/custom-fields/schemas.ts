import { z } from 'zod';
import { CUSTOM_FIELD_TYPES } from '@/db/schema/constants';
import { nameSchema } from '@/lib/validation/fields';

export const CUSTOM_FIELD_ENTITY_TYPES = ['reservation', 'contact'] as const;

const fields = {
  entity_type: z.enum(CUSTOM_FIELD_ENTITY_TYPES),
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, 'Keys start with a-z and use a-z, 0-9 and _ (at most 63).'),
  label: nameSchema(200),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string().trim().min(1).max(200)).max(200),
  position: z.int().min(0).max(100_000),
  is_active: z.boolean(),
};

export const CustomFieldCreateSchema = z.strictObject({
  ...fields,
  required: fields.required.optional(),
  options: fields.options.optional(),
  position: fields.position.optional(),
  is_active: fields.is_active.optional(),
});
// The key and entity type name stored values, so they are fixed once created.
export const CustomFieldPatchSchema = z
  .strictObject(fields)
  .omit({ entity_type: true, key: true })
  .partial();
export type CustomFieldCreate = z.infer<typeof CustomFieldCreateSchema>;
