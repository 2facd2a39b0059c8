import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import {
  allocations,
  reservations,
  resourceAvailability,
  resourceExceptions,
  resources,
  RESOURCE_TYPES,
  serviceResources,
  services,
} from '@/db/schema';
import { defineCollection } from '@/lib/crud/collection';
import type { Ctx } from '@/lib/http/context';
import { AppError, conflict, fieldError } from '@/lib/http/errors';
import {
  AvailabilityCreateSchema,
  AvailabilityPatchSchema,
  ExceptionCreateSchema,
  ExceptionPatchSchema,
  ResourceCreateSchema,
  ResourcePatchSchema,
  ServiceCreateSchema,
  ServicePatchSchema,
  ServiceResourceCreateSchema,
  ServiceResourcePatchSchema,
} from './schemas';
import {
  lockLinkWrite,
  lockResourceWrite,
  lockServiceWrite,
  refreshResourceSeats,
  refreshServiceSeats,
} from './booking-locks';

const timestamps = { created_at: 'instant', updated_at: 'instant' } as const;
const serviceRef = { table: services, label: 'Service' };
const resourceRef = { table: resources, label: 'Resource' };
const LIVE = ['pending', 'confirmed'];

const inUse = (message: string) => new AppError('in_use', 409, message);

export const servicesCollection = defineCollection({
  path: 'reservation-services',
  label: 'Service',
  tag: 'Services',
  table: services,
  createSchema: ServiceCreateSchema,
  patchSchema: ServicePatchSchema,
  filters: { is_active: 'boolean', name: 'string', capacity: 'integer', ...timestamps },
  sortable: ['name', 'duration_minutes', 'created_at', 'updated_at'],
  defaultSort: [{ field: 'name', direction: 1 }],
  search: [services.name],
  writeAccess: 'admin',
  lockForWrite: lockServiceWrite,
  afterWrite: refreshServiceSeats,
  constraintErrors: {
    services_party: () =>
      fieldError('max_party_size', 'min_party_size must not exceed max_party_size.'),
    services_price: () =>
      fieldError('currency', 'A currency is required when price_amount is set.'),
  },
  // §3: a service with pending or confirmed reservations in the future cannot go.
  beforeDelete: async (ctx: Ctx, row) => {
    const [live] = await ctx.db
      .select({ id: reservations.id })
      .from(reservations)
      .where(
        and(
          eq(reservations.organization_id, ctx.organization.id),
          eq(reservations.service_id, row.id),
          inArray(reservations.status, LIVE),
          gt(reservations.end_datetime, ctx.now),
        ),
      )
      .limit(1);
    if (live)
      throw inUse(
        'This service has upcoming reservations; cancel or move them first, or deactivate the service.',
      );
  },
});

export const resourcesCollection = defineCollection({
  path: 'reservation-resources',
  label: 'Resource',
  tag: 'Resources',
  table: resources,
  createSchema: ResourceCreateSchema,
  patchSchema: ResourcePatchSchema,
  filters: {
    is_active: 'boolean',
    type: { enum: RESOURCE_TYPES },
    name: 'string',
    timezone: 'string',
    ...timestamps,
  },
  sortable: ['name', 'type', 'created_at', 'updated_at'],
  defaultSort: [{ field: 'name', direction: 1 }],
  search: [resources.name],
  writeAccess: 'admin',
  prepareCreate: (ctx, values) => ({
    ...values,
    timezone: values.timezone ?? ctx.organization.timezone,
  }),
  lockForWrite: lockResourceWrite('id'),
  afterWrite: refreshResourceSeats,
  // §4: a resource with future pending/confirmed allocations cannot go.
  beforeDelete: async (ctx, row) => {
    const [live] = await ctx.db
      .select({ id: allocations.id })
      .from(allocations)
      .leftJoin(reservations, eq(reservations.id, allocations.reservation_id))
      .where(
        and(
          eq(allocations.organization_id, ctx.organization.id),
          eq(allocations.resource_id, row.id),
          sql`upper(${allocations.occupied}) > ${ctx.now.toISOString()}::timestamptz`,
          sql`(${reservations.id} is null or ${reservations.status} in ('pending', 'confirmed'))`,
        ),
      )
      .limit(1);
    if (live)
      throw inUse(
        'This resource has upcoming reservations; move or cancel them first, or deactivate it.',
      );
  },
});

export const serviceResourcesCollection = defineCollection({
  path: 'reservation-service-resources',
  label: 'Service resource link',
  tag: 'Services',
  table: serviceResources,
  createSchema: ServiceResourceCreateSchema,
  patchSchema: ServiceResourcePatchSchema,
  filters: { service_id: 'uuid', resource_id: 'uuid', is_required: 'boolean', ...timestamps },
  sortable: ['created_at', 'updated_at'],
  references: { service_id: serviceRef, resource_id: resourceRef },
  writeAccess: 'admin',
  lockForWrite: lockLinkWrite,
  constraintErrors: {
    reservation_service_resources_pair_key: () =>
      conflict('conflict', 'This resource is already linked to this service.', [
        { path: 'resource_id', message: 'Already linked.' },
      ]),
  },
});

export const availabilityCollection = defineCollection({
  path: 'reservation-resource-availability',
  label: 'Weekly hours',
  tag: 'Resources',
  table: resourceAvailability,
  createSchema: AvailabilityCreateSchema,
  patchSchema: AvailabilityPatchSchema,
  filters: { resource_id: 'uuid', day_of_week: 'integer', ...timestamps },
  sortable: ['day_of_week', 'start_time', 'created_at'],
  defaultSort: [
    { field: 'day_of_week', direction: 1 },
    { field: 'start_time', direction: 1 },
  ],
  references: { resource_id: resourceRef },
  writeAccess: 'admin',
  lockForWrite: lockResourceWrite('resource_id'),
  constraintErrors: {
    availability_times: () => fieldError('end_time', 'end_time must be after start_time.'),
  },
});

export const exceptionsCollection = defineCollection({
  path: 'reservation-resource-exceptions',
  label: 'Exception',
  tag: 'Resources',
  table: resourceExceptions,
  createSchema: ExceptionCreateSchema,
  patchSchema: ExceptionPatchSchema,
  filters: {
    resource_id: 'uuid',
    kind: { enum: ['blocked', 'special_hours'] },
    date: 'date',
    end_date: 'date',
    ...timestamps,
  },
  sortable: ['date', 'created_at'],
  defaultSort: [{ field: 'date', direction: 1 }],
  references: { resource_id: resourceRef },
  writeAccess: 'admin',
  lockForWrite: lockResourceWrite('resource_id'),
  // §7: end_date defaults to date; storing it makes the one-day default visible to readers.
  prepareCreate: (_ctx, values) => ({ ...values, end_date: values.end_date ?? values.date }),
  constraintErrors: {
    exceptions_range: () => fieldError('end_date', 'end_date must not be before date.'),
    exceptions_times: () =>
      fieldError(
        'start_time',
        'Special hours need start_time before end_time; a blocked exception has both times or neither.',
      ),
  },
});
