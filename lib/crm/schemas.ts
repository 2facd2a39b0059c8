import { z } from 'zod';
import { emailSchema, nameSchema, phoneSchema, uuidSchema } from '@/lib/validation/fields';

export const CompanyCreateSchema = z.strictObject({ name: nameSchema() });
export const CompanyPatchSchema = CompanyCreateSchema.partial();

export const ContactCreateSchema = z.strictObject({
  name: nameSchema(),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  company_id: uuidSchema.nullable().optional(),
  custom_fields_by_key: z.record(z.string(), z.unknown()).optional(),
});
export const ContactPatchSchema = ContactCreateSchema.partial();
export type ContactCreate = z.infer<typeof ContactCreateSchema>;

/** The inline contact of a reservation (§9): found by email within the organization, else created. */
export const InlineContactSchema = z.strictObject({
  name: nameSchema(),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
});

export const DealCreateSchema = z.strictObject({
  title: nameSchema(),
  contact_id: uuidSchema.nullable().optional(),
  company_id: uuidSchema.nullable().optional(),
});
export const DealPatchSchema = DealCreateSchema.partial();
