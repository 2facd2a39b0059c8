import { z } from 'zod';
import { emailSchema, nameSchema, timezoneSchema } from '@/lib/validation/fields';

/**
 * Inputs of sign-up, staff users and API keys. Browser-safe (zod and the shared field
 * validators only), so the forms validate with the very schemas the API uses.
 */
export const passwordSchema = z.string().min(8, 'At least 8 characters.').max(128);

export const SignUpSchema = z.strictObject({
  organization_name: nameSchema(),
  timezone: timezoneSchema,
  name: nameSchema(),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUp = z.infer<typeof SignUpSchema>;

export const UserCreateSchema = z.strictObject({
  name: nameSchema(),
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(['admin', 'staff']).optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserPatchSchema = z
  .strictObject({ name: nameSchema(), role: z.enum(['admin', 'staff']) })
  .partial();

export const ApiKeyCreateSchema = z.strictObject({ name: nameSchema(100).optional() });
export type ApiKeyCreate = z.infer<typeof ApiKeyCreateSchema>;
