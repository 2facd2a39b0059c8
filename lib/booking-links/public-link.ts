import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  bookingLinks,
  bookingLinkServices,
  customFields,
  organizations,
  services,
  type BookingLink,
  type Organization,
  type PageConfig,
} from '@/db/schema';
import type { Db } from '@/db/types';
import type { Ctx } from '@/lib/http/context';
import { notFound } from '@/lib/http/errors';
import { withPageDefaults } from './collection';
import { SLUG_PATTERN } from './schemas';

/**
 * What a visitor of `/book/:slug` may know (§11): the page, the organization's name and zone,
 * the link's active services with their public fields, and the custom fields it asks for.
 * Inactive links and unknown slugs are both 404.
 */

export interface PublicService {
  id: string;
  name: string;
  description: string | null;
  duration_minutes: number;
  price_amount: number | null;
  currency: string | null;
  image_url: string | null;
  color: string | null;
  min_party_size: number;
  max_party_size: number;
  /** The business confirms each booking: the page says "Request" rather than "Book". */
  requires_confirmation: boolean;
  /** How far ahead the calendar may go. */
  max_advance_days: number;
  /** Seats of a group service (null for a private one), so `remaining_capacity` reads right. */
  capacity: number | null;
}

export interface PublicCustomField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options: string[];
}

export interface PublicBookingPage {
  slug: string;
  name: string;
  page_config: Omit<Required<PageConfig>, 'custom_field_keys'>;
  organization: { name: string; timezone: string };
  services: PublicService[];
  custom_fields: PublicCustomField[];
}

export interface ActiveLink {
  link: BookingLink;
  organization: Organization;
}

const publicServiceFields = {
  id: services.id,
  name: services.name,
  description: services.description,
  duration_minutes: services.duration_minutes,
  price_amount: services.price_amount,
  currency: services.currency,
  image_url: services.image_url,
  color: services.color,
  min_party_size: services.min_party_size,
  max_party_size: services.max_party_size,
  requires_confirmation: services.requires_confirmation,
  max_advance_days: services.max_advance_days,
  capacity: services.capacity,
};

export async function findActiveLink(db: Db, slug: string): Promise<ActiveLink> {
  if (!SLUG_PATTERN.test(slug)) throw notFound('Booking link');
  const [found] = await db
    .select({ link: bookingLinks, organization: organizations })
    .from(bookingLinks)
    .innerJoin(organizations, eq(organizations.id, bookingLinks.organization_id))
    .where(and(eq(bookingLinks.slug, slug), eq(bookingLinks.is_active, true)))
    .limit(1);
  if (!found) throw notFound('Booking link');
  return found;
}

/** The link's services that customers can book now: on the link and active. */
export async function loadLinkServices(db: Db, link: BookingLink): Promise<PublicService[]> {
  return db
    .select(publicServiceFields)
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
        eq(bookingLinkServices.organization_id, link.organization_id),
        eq(bookingLinkServices.booking_link_id, link.id),
        eq(services.is_active, true),
      ),
    )
    .orderBy(asc(services.name), asc(services.id));
}

/** A service a customer names must be one of those (else 404, like any unknown record). */
export async function findLinkService(
  db: Db,
  link: BookingLink,
  serviceId: string,
): Promise<PublicService> {
  const service = (await loadLinkServices(db, link)).find((s) => s.id === serviceId);
  if (!service) throw notFound('Service');
  return service;
}

/** The active reservation fields the link asks for, in the organization's order. */
export async function loadLinkCustomFields(
  db: Db,
  link: BookingLink,
): Promise<PublicCustomField[]> {
  const keys = withPageDefaults(link.page_config).custom_field_keys;
  if (!keys.length) return [];
  return db
    .select({
      key: customFields.key,
      label: customFields.label,
      type: customFields.type,
      required: customFields.required,
      options: customFields.options,
    })
    .from(customFields)
    .where(
      and(
        eq(customFields.organization_id, link.organization_id),
        eq(customFields.entity_type, 'reservation'),
        eq(customFields.is_active, true),
        inArray(customFields.key, keys),
      ),
    )
    .orderBy(asc(customFields.position), asc(customFields.label));
}

export async function getPublicBookingPage(db: Db, slug: string): Promise<PublicBookingPage> {
  const { link, organization } = await findActiveLink(db, slug);
  const [linkServices, fields] = await Promise.all([
    loadLinkServices(db, link),
    loadLinkCustomFields(db, link),
  ]);
  const { custom_field_keys: _asked, ...pageConfig } = withPageDefaults(link.page_config);
  return {
    slug: link.slug,
    name: link.name,
    page_config: pageConfig,
    organization: { name: organization.name, timezone: organization.timezone },
    services: linkServices,
    custom_fields: fields,
  };
}

/** Customers act in the link's organization with no identity beyond their booking. */
export function customerCtx(db: Db, organization: Organization, requestId: string, now: Date): Ctx {
  return { db, organization, actor: { kind: 'customer', role: null, id: null }, requestId, now };
}
