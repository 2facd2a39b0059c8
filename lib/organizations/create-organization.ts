import { randomBytes } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { organizations, type Organization } from '@/db/schema';
import type { Db } from '@/db/types';
import { insertApiKey } from '@/lib/auth/api-keys';
import { pgErrorInfo } from '@/lib/http/db-errors';
import { insertUser, passwordSchema } from '@/lib/auth/users';
import { emailSchema, nameSchema, timezoneSchema } from '@/lib/validation/fields';

export const OrganizationCreateSchema = z.strictObject({
  name: nameSchema(),
  timezone: timezoneSchema,
  admin: z
    .strictObject({ name: nameSchema().optional(), email: emailSchema, password: passwordSchema })
    .optional(),
  with_api_key: z.boolean().optional(),
});
export type OrganizationCreate = z.infer<typeof OrganizationCreateSchema>;

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base.length >= 2 ? base : `org-${base}`.replace(/-$/, '');
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(like(organizations.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * A new organization with, optionally, its first admin and an API key — all or nothing.
 * Used by the sign-up page, the CLI and the demo seed.
 */
export async function createOrganization(db: Db, input: OrganizationCreate) {
  // Two sign-ups with one name may pick the same free slug at once: the loser retries
  // with a random suffix, which cannot collide again in practice.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertOrganization(db, input, attempt > 1);
    } catch (error) {
      if (attempt >= 5 || pgErrorInfo(error)?.constraint !== 'organizations_slug_key') throw error;
    }
  }
}

async function insertOrganization(db: Db, input: OrganizationCreate, randomSuffix: boolean) {
  return db.transaction(async (tx) => {
    const [organization] = await tx
      .insert(organizations)
      .values({
        name: input.name,
        timezone: input.timezone,
        slug: randomSuffix
          ? `${slugify(input.name)}-${randomBytes(3).toString('hex')}`
          : await uniqueSlug(tx, input.name),
      })
      .returning();
    const org = organization as Organization;
    const admin = input.admin
      ? await insertUser(tx, {
          organizationId: org.id,
          name: input.admin.name ?? input.admin.email.split('@')[0]!,
          email: input.admin.email,
          password: input.admin.password,
          role: 'admin',
        })
      : null;
    const apiKey = input.with_api_key
      ? await insertApiKey(tx, org.id, 'Initial key', admin?.id ?? null)
      : null;
    return { organization: org, admin, apiKey };
  });
}

export const serializeOrganization = (o: Organization) => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  timezone: o.timezone,
  created_at: o.created_at,
});

export async function findOrganization(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row ?? null;
}
