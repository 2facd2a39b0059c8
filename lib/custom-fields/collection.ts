import { customFields } from '@/db/schema';
import { defineCollection } from '@/lib/crud/collection';
import { conflict, fieldError } from '@/lib/http/errors';
import {
  CUSTOM_FIELD_ENTITY_TYPES,
  CustomFieldCreateSchema,
  CustomFieldPatchSchema,
} from './schemas';
import { CUSTOM_FIELD_TYPES } from '@/db/schema';

const CHOICE_TYPES = new Set(['select', 'multiselect']);

export const customFieldsCollection = defineCollection({
  path: 'custom-fields',
  label: 'Custom field',
  tag: 'Custom fields',
  table: customFields,
  createSchema: CustomFieldCreateSchema,
  patchSchema: CustomFieldPatchSchema,
  filters: {
    entity_type: { enum: CUSTOM_FIELD_ENTITY_TYPES },
    key: 'string',
    type: { enum: CUSTOM_FIELD_TYPES },
    is_active: 'boolean',
    required: 'boolean',
  },
  sortable: ['position', 'key', 'label', 'created_at'],
  defaultSort: [
    { field: 'position', direction: 1 },
    { field: 'created_at', direction: 1 },
  ],
  search: [customFields.label, customFields.key],
  writeAccess: 'admin',
  constraintErrors: {
    custom_fields_key_key: () =>
      conflict('conflict', 'A custom field with this key already exists for this entity type.', [
        { path: 'key', message: 'Already used.' },
      ]),
  },
  // §10: options are required for select/multiselect (and meaningless elsewhere).
  validate: async (_ctx, record) => {
    const options = record.options as string[];
    if (CHOICE_TYPES.has(record.type as string)) {
      if (options.length === 0)
        throw fieldError('options', 'Select and multiselect fields need at least one option.');
      if (new Set(options).size !== options.length)
        throw fieldError('options', 'Options must be distinct.');
    } else if (options.length > 0) {
      throw fieldError('options', 'Only select and multiselect fields have options.');
    }
  },
});
