import { and, eq } from 'drizzle-orm';
import { customFields, type CustomField } from '@/db/schema';
import type { Ctx } from '@/lib/http/context';
import { validationError, type ErrorDetail } from '@/lib/http/errors';
import { isValidDate } from '@/lib/http/query';
import { emailSchema, phoneSchema } from '@/lib/validation/fields';

/** §10: values written in `custom_fields_by_key` must match the organization's definitions. */

export type CustomFieldValues = Record<string, unknown>;

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why `value` is not acceptable for `field`, or null when it is. */
export function customFieldValueProblem(field: CustomField, value: unknown): string | null {
  const str = typeof value === 'string' ? value : null;
  switch (field.type) {
    case 'text':
      return str !== null && str.length <= 1000 ? null : 'Expected text (at most 1000 characters).';
    case 'textarea':
      return str !== null && str.length <= 10000
        ? null
        : 'Expected text (at most 10000 characters).';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'Expected a number.';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Expected true or false.';
    case 'date':
      return str !== null && isValidDate(str) ? null : 'Expected a date YYYY-MM-DD.';
    case 'select':
      return str !== null && field.options.includes(str)
        ? null
        : `Expected one of: ${field.options.join(', ')}.`;
    case 'multiselect':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && field.options.includes(v)) &&
        new Set(value).size === value.length
        ? null
        : `Expected a list of distinct options from: ${field.options.join(', ')}.`;
    case 'email':
      return str !== null && emailSchema.safeParse(str).success
        ? null
        : 'Expected an email address.';
    case 'phone':
      return str !== null && phoneSchema.safeParse(str).success ? null : 'Expected a phone number.';
    case 'url':
      return str !== null && str.length <= 2000 && isHttpUrl(str)
        ? null
        : 'Expected an http(s) URL.';
    default:
      return 'Unsupported field type.';
  }
}

export async function loadCustomFields(
  ctx: Ctx,
  entityType: 'reservation' | 'contact',
): Promise<CustomField[]> {
  return ctx.db
    .select()
    .from(customFields)
    .where(
      and(
        eq(customFields.organization_id, ctx.organization.id),
        eq(customFields.entity_type, entityType),
      ),
    );
}

/**
 * Checks a write of custom field values. `values` is what the client sent (null removes a
 * key); `merged` is the full result after the write; `isCreate` enforces `required`.
 */
export function checkCustomFieldValues(
  definitions: CustomField[],
  values: CustomFieldValues | undefined,
  merged: CustomFieldValues,
  isCreate: boolean,
  pathPrefix = 'custom_fields_by_key',
): void {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const issues: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(values ?? {})) {
    // Clearing a value is always allowed, even for a field since removed or deactivated.
    if (value === null) continue;
    const field = byKey.get(key);
    const path = `${pathPrefix}.${key}`;
    if (!field) issues.push({ path, message: `Unknown custom field ${key}.` });
    else if (!field.is_active) issues.push({ path, message: `Custom field ${key} is inactive.` });
    else {
      const problem = customFieldValueProblem(field, value);
      if (problem) issues.push({ path, message: problem });
    }
  }
  if (isCreate) {
    for (const field of definitions) {
      if (
        field.is_active &&
        field.required &&
        (merged[field.key] === undefined || merged[field.key] === null || merged[field.key] === '')
      ) {
        issues.push({ path: `${pathPrefix}.${field.key}`, message: `${field.label} is required.` });
      }
    }
  }
  if (issues.length) throw validationError('Some custom field values are invalid.', issues);
}

/** PATCH semantics (§9): merged by key, `null` removes a key. */
export function mergeCustomFieldValues(
  previous: CustomFieldValues,
  patch: CustomFieldValues,
): CustomFieldValues {
  const merged: CustomFieldValues = { ...previous };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Removes null entries from a create payload (null means "not set"). */
export function withoutNulls(values: CustomFieldValues): CustomFieldValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}
