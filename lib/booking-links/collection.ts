import { and, eq, inArray } from 'drizzle-orm';
import {
  bookingLinks,
  bookingLinkServices,
  customFields,
  services,
  type PageConfig,
} from '@/db/schema';
import { defineCollection, type Row } from '@/lib/crud/collection';
import type { Ctx } from '@/lib/http/context';
import { conflict, validationError, type ErrorDetail } from '@/lib/http/errors';
import { BookingLinkCreateSchema, BookingLinkPatchSchema } from './schemas';

/** §11 `/api/reservation-booking-links`: a link's row plus its services in a join table. */

const PAGE_CONFIG_DEFAULTS: Required<PageConfig> = {
  title: null,
  description: null,
  logo_url: null,
  cover_url: null,
  primary_color: null,
  confirmation_message: null,
  custom_field_keys: [],
  require_phone: false,
};

export const withPageDefaults = (config: PageConfig | null | undefined): Required<PageConfig> => ({
  ...PAGE_CONFIG_DEFAULTS,
  ...config,
});

/**
 * `service_ids` must name services of the caller's organization (§11), and services newly
 * added to the link must be active. A service deactivated after it was added may stay, so that
 * an edit resending the whole list is not refused (it is hidden from the public page anyway).
 */
async function checkServices(ctx: Ctx, ids: string[], alreadyOnLink: Set<string>): Promise<void> {
  const found = await ctx.db
    .select({ id: services.id, is_active: services.is_active })
    .from(services)
    .where(and(eq(services.organization_id, ctx.organization.id), inArray(services.id, ids)));
  const byId = new Map(found.map((s) => [s.id, s]));
  const issues: ErrorDetail[] = ids.flatMap((id, i) => {
    const service = byId.get(id);
    if (!service)
      return [
        { path: `service_ids.${i}`, message: `Service ${id} does not exist in your organization.` },
      ];
    if (!service.is_active && !alreadyOnLink.has(id))
      return [{ path: `service_ids.${i}`, message: `Service ${id} is inactive.` }];
    return [];
  });
  if (issues.length) throw validationError('The booking link names unusable services.', issues);
}

/** The custom fields a link asks for must be reservation fields of the organization. */
async function checkCustomFieldKeys(ctx: Ctx, keys: string[]): Promise<void> {
  if (!keys.length) return;
  const found = await ctx.db
    .select({ key: customFields.key })
    .from(customFields)
    .where(
      and(
        eq(customFields.organization_id, ctx.organization.id),
        eq(customFields.entity_type, 'reservation'),
        inArray(customFields.key, keys),
      ),
    );
  const known = new Set(found.map((f) => f.key));
  const issues = keys.flatMap((key, i) =>
    known.has(key)
      ? []
      : [
          {
            path: `page_config.custom_field_keys.${i}`,
            message: `No reservation custom field has the key ${key}.`,
          },
        ],
  );
  if (issues.length) throw validationError('The booking link asks for unknown fields.', issues);
}

async function loadServiceIds(ctx: Ctx, linkIds: string[]): Promise<Map<string, string[]>> {
  const byLink = new Map<string, string[]>(linkIds.map((id) => [id, []]));
  if (!linkIds.length) return byLink;
  const rows = await ctx.db
    .select({ link: bookingLinkServices.booking_link_id, service: bookingLinkServices.service_id })
    .from(bookingLinkServices)
    .innerJoin(
      services,
      and(
        eq(services.organization_id, bookingLinkServices.organization_id),
        eq(services.id, bookingLinkServices.service_id),
      ),
    )
    .where(
      and(
        eq(bookingLinkServices.organization_id, ctx.organization.id),
        inArray(bookingLinkServices.booking_link_id, linkIds),
      ),
    )
    .orderBy(services.name, services.id);
  for (const row of rows) byLink.get(row.link)?.push(row.service);
  return byLink;
}

export const bookingLinksCollection = defineCollection({
  path: 'reservation-booking-links',
  label: 'Booking link',
  tag: 'Booking links',
  table: bookingLinks,
  createSchema: BookingLinkCreateSchema,
  patchSchema: BookingLinkPatchSchema,
  filters: {
    slug: 'string',
    name: 'string',
    is_active: 'boolean',
    created_at: 'instant',
    updated_at: 'instant',
  },
  sortable: ['name', 'slug', 'created_at', 'updated_at'],
  defaultSort: [{ field: 'name', direction: 1 }],
  search: [bookingLinks.name, bookingLinks.slug],
  writeAccess: 'admin',
  writeErrors: ['slug_taken'],
  constraintErrors: {
    reservation_booking_links_slug_key: () =>
      conflict('slug_taken', 'This slug is already used by another booking link.', [
        { path: 'slug', message: 'Already taken; choose another.' },
      ]),
  },
  // page_config is merged by key, so a client can change one setting without resending all.
  mergePatch: (previous, values) =>
    values.page_config === undefined
      ? values
      : {
          ...values,
          page_config: {
            ...(previous.page_config as PageConfig),
            ...(values.page_config as PageConfig),
          },
        },
  related: {
    fields: ['service_ids'],
    save: async (ctx, row, values) => {
      const ids = values.service_ids as string[];
      const current = await ctx.db
        .select({ id: bookingLinkServices.service_id })
        .from(bookingLinkServices)
        .where(
          and(
            eq(bookingLinkServices.organization_id, ctx.organization.id),
            eq(bookingLinkServices.booking_link_id, row.id),
          ),
        );
      await checkServices(ctx, ids, new Set(current.map((c) => c.id)));
      await ctx.db
        .delete(bookingLinkServices)
        .where(
          and(
            eq(bookingLinkServices.organization_id, ctx.organization.id),
            eq(bookingLinkServices.booking_link_id, row.id),
          ),
        );
      await ctx.db.insert(bookingLinkServices).values(
        ids.map((service_id) => ({
          organization_id: ctx.organization.id,
          booking_link_id: row.id,
          service_id,
        })),
      );
    },
  },
  validate: async (ctx, record, previous) => {
    const config = record.page_config as PageConfig;
    const before = (previous?.page_config as PageConfig | undefined)?.custom_field_keys;
    const keys = config.custom_field_keys ?? [];
    if (JSON.stringify(keys) !== JSON.stringify(before)) await checkCustomFieldKeys(ctx, keys);
  },
  serializeMany: async (ctx, rows: Row[]) => {
    const serviceIds = await loadServiceIds(
      ctx,
      rows.map((r) => r.id),
    );
    return rows.map((row) => ({
      ...row,
      page_config: withPageDefaults(row.page_config as PageConfig),
      service_ids: serviceIds.get(row.id) ?? [],
    }));
  },
});
