import type { ToolName } from '@/lib/ai/schemas';

/** Starting arguments for the Try it panel, filled with the organization's own data. */

export interface ExampleContext {
  /** Today in the organization's time zone (YYYY-MM-DD). */
  today: string;
  serviceId: string | null;
}

/** Today's date in a time zone, as the API's `date` parameters mean it. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** `date` plus `days`, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const SERVICE_PLACEHOLDER = 'SERVICE_ID — create a service in the catalog first';

export function exampleArguments(tool: ToolName, { today, serviceId }: ExampleContext) {
  const service_id = serviceId ?? SERVICE_PLACEHOLDER;
  switch (tool) {
    case 'get_reservation_services':
      return { is_active: true, $limit: 10 };
    case 'get_available_slots':
      // A week, so the example finds slots even late in the day or on a closed day.
      return { service_id, date: today, end_date: addDays(today, 6) };
    case 'find_reservations':
      return { date: today, $sort: { start_datetime: 1 }, $limit: 10 };
    case 'create_reservation':
      return {
        service_id,
        start_datetime: `${addDays(today, 1)}T10:00:00Z`,
        contact: { name: 'Test guest', email: 'guest@example.com' },
        notes: 'Booked from the Try it panel',
      };
    case 'update_reservation':
      return { id: 'RESERVATION_ID — run find_reservations first', notes: 'Changed from Try it' };
  }
}

/**
 * A next step suggested by a result: book the first free slot, or change the reservation
 * just made or found — with arguments taken from the result.
 */
export function followUp(
  tool: ToolName,
  result: unknown,
): { tool: ToolName; label: string; args: Record<string, unknown> } | null {
  const r = result as Record<string, unknown> | null;
  if (tool === 'get_available_slots') {
    const slot = (r?.slots as { start_datetime: string }[] | undefined)?.[0];
    if (!slot) return null;
    return {
      tool: 'create_reservation',
      label: 'Book the first slot',
      args: {
        service_id: r?.service_id,
        start_datetime: slot.start_datetime,
        contact: { name: 'Test guest', email: 'guest@example.com' },
        notes: 'Booked from the Try it panel',
      },
    };
  }
  const reservation =
    tool === 'create_reservation'
      ? r
      : tool === 'find_reservations'
        ? ((r?.data as Record<string, unknown>[] | undefined)?.[0] ?? null)
        : null;
  if (!reservation?.id) return null;
  return {
    tool: 'update_reservation',
    label: tool === 'create_reservation' ? 'Change this reservation' : 'Change the first one',
    args: { id: reservation.id, notes: 'Changed from Try it' },
  };
}
