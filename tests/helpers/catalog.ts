import type { TestOrg } from './api';

/** Builds a bookable service: resources with weekly hours, linked to a new service. */
export interface ServiceFixture {
  serviceId: string;
  resourceIds: string[];
}

export async function makeService(
  org: TestOrg,
  opts: {
    service?: Record<string, unknown>;
    resources?: {
      name?: string;
      quantity?: number;
      capacity?: number | null;
      timezone?: string;
      is_required?: boolean;
      link_quantity?: number;
    }[];
    hours?: { day_of_week: number; start_time: string; end_time: string }[];
  } = {},
): Promise<ServiceFixture> {
  const svc = await org.api.post('/reservation-services', {
    name: 'Service',
    duration_minutes: 60,
    ...opts.service,
  });
  if (svc.status !== 201) throw new Error(`service: ${JSON.stringify(svc.body)}`);
  const resourceIds: string[] = [];
  const hours =
    opts.hours ??
    [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day_of_week: d, start_time: '09:00', end_time: '17:00' }));
  for (const [i, r] of (opts.resources ?? [{}]).entries()) {
    const res = await org.api.post('/reservation-resources', {
      name: r.name ?? `Resource ${i + 1}`,
      quantity: r.quantity ?? 1,
      capacity: r.capacity ?? null,
      ...(r.timezone ? { timezone: r.timezone } : {}),
    });
    if (res.status !== 201) throw new Error(`resource: ${JSON.stringify(res.body)}`);
    resourceIds.push(res.body.id);
    for (const h of hours) {
      const a = await org.api.post('/reservation-resource-availability', {
        resource_id: res.body.id,
        ...h,
      });
      if (a.status !== 201) throw new Error(`hours: ${JSON.stringify(a.body)}`);
    }
    const link = await org.api.post('/reservation-service-resources', {
      service_id: svc.body.id,
      resource_id: res.body.id,
      is_required: r.is_required ?? true,
      quantity: r.link_quantity ?? 1,
    });
    if (link.status !== 201) throw new Error(`link: ${JSON.stringify(link.body)}`);
  }
  return { serviceId: svc.body.id, resourceIds };
}

/** A date string `days` from today (UTC), always in the future. */
export function futureDate(days = 7): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
