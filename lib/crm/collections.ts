import { companies, contacts, deals } from '@/db/schema';
import { defineCollection } from '@/lib/crud/collection';
import {
  checkCustomFieldValues,
  loadCustomFields,
  mergeCustomFieldValues,
  withoutNulls,
} from '@/lib/custom-fields/values';
import {
  CompanyCreateSchema,
  CompanyPatchSchema,
  ContactCreateSchema,
  ContactPatchSchema,
  DealCreateSchema,
  DealPatchSchema,
} from './schemas';

const timestamps = { created_at: 'instant', updated_at: 'instant' } as const;
const companyRef = { table: companies, label: 'Company' };

export const companiesCollection = defineCollection({
  path: 'companies',
  label: 'Company',
  tag: 'CRM',
  table: companies,
  createSchema: CompanyCreateSchema,
  patchSchema: CompanyPatchSchema,
  filters: { name: 'string', ...timestamps },
  sortable: ['name', 'created_at', 'updated_at'],
  search: [companies.name],
  writeAccess: 'admin',
});

export const contactsCollection = defineCollection({
  path: 'contacts',
  label: 'Contact',
  tag: 'CRM',
  table: contacts,
  createSchema: ContactCreateSchema,
  patchSchema: ContactPatchSchema,
  filters: { name: 'string', email: 'string', phone: 'string', company_id: 'uuid', ...timestamps },
  sortable: ['name', 'email', 'created_at', 'updated_at'],
  search: [contacts.name, contacts.email, contacts.phone],
  references: { company_id: companyRef },
  writeAccess: 'member',
  prepareCreate: (_ctx, values) => ({
    ...values,
    custom_fields_by_key: withoutNulls(
      (values.custom_fields_by_key as Record<string, unknown>) ?? {},
    ),
  }),
  mergePatch: (previous, values) =>
    values.custom_fields_by_key
      ? {
          ...values,
          custom_fields_by_key: mergeCustomFieldValues(
            previous.custom_fields_by_key as Record<string, unknown>,
            values.custom_fields_by_key as Record<string, unknown>,
          ),
        }
      : values,
  validate: async (ctx, record, previous) => {
    const merged = record.custom_fields_by_key as Record<string, unknown>;
    const sent = previous
      ? diffKeys(previous.custom_fields_by_key as Record<string, unknown>, merged)
      : merged;
    if (!previous || Object.keys(sent).length) {
      checkCustomFieldValues(await loadCustomFields(ctx, 'contact'), sent, merged, !previous);
    }
  },
});

/** The entries a patch changed (removed keys as null), so unchanged legacy values are not re-judged. */
function diffKeys(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changed[key] = after[key] ?? null;
  }
  return changed;
}

export const dealsCollection = defineCollection({
  path: 'deals',
  label: 'Deal',
  tag: 'CRM',
  table: deals,
  createSchema: DealCreateSchema,
  patchSchema: DealPatchSchema,
  filters: { title: 'string', contact_id: 'uuid', company_id: 'uuid', ...timestamps },
  sortable: ['title', 'created_at', 'updated_at'],
  search: [deals.title],
  references: { contact_id: { table: contacts, label: 'Contact' }, company_id: companyRef },
  writeAccess: 'admin',
});
