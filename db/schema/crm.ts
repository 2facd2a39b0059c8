import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from './columns';
import { organizationFk, tenantFk } from './tenancy';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    organization_id: organizationId(),
    name: text('name').notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('companies_org_id_key').on(t.organization_id, t.id),
    index('companies_org_name_idx').on(t.organization_id, t.name),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    organization_id: organizationId(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    company_id: uuid('company_id'),
    custom_fields_by_key: jsonb('custom_fields_by_key')
      .$type<Record<string, unknown>>()
      .notNull()
      .default({}),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('contacts_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'contacts_company_fk',
      { organization_id: t.organization_id, ref: t.company_id },
      companies,
    ),
    index('contacts_org_name_idx').on(t.organization_id, t.name),
    index('contacts_org_email_idx').on(t.organization_id, sql`lower(${t.email})`),
    index('contacts_company_idx').on(t.organization_id, t.company_id),
  ],
);

export const deals = pgTable(
  'deals',
  {
    id: id(),
    organization_id: organizationId(),
    title: text('title').notNull(),
    contact_id: uuid('contact_id'),
    company_id: uuid('company_id'),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('deals_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'deals_contact_fk',
      { organization_id: t.organization_id, ref: t.contact_id },
      contacts,
    ),
    tenantFk(
      'deals_company_fk',
      { organization_id: t.organization_id, ref: t.company_id },
      companies,
    ),
    index('deals_contact_idx').on(t.organization_id, t.contact_id),
    index('deals_company_idx').on(t.organization_id, t.company_id),
    check('deals_title_len', sql`char_length(${t.title}) between 1 and 200`),
  ],
);

export type Contact = typeof contacts.$inferSelect;
export type Company = typeof companies.$inferSelect;
export type Deal = typeof deals.$inferSelect;
