import type { AddressInfo, Socket } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { getDb } from '@/db/client';
import { notificationMessages } from '@/db/schema';
import { call, type TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { everyDay, keyOrg } from '../helpers/reservations';

/**
 * Helpers of the §19 tests: a real SMTP server (smtp-server on 127.0.0.1, any port, no auth,
 * no TLS) that parses what it receives with mailparser and can be told to refuse recipients
 * or drop connections; an iCalendar reader written from RFC 5545 (not from the app's code).
 */

export interface Received {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
  raw: string;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: Received[];
  /** The next `n` RCPT TO get this reply code (450: try later, 550: no such user). */
  refuseRecipients: (code: number, n?: number) => void;
  /** The next `n` connections are dropped as soon as they open. */
  dropConnections: (n?: number) => void;
  /** How many connections were opened. */
  connections: () => number;
  /** Waits this long before accepting each message (keeps sends in flight). */
  delay: (ms: number) => void;
  close: () => Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  let refuse: { code: number; left: number } | null = null;
  let drop = 0;
  let opened = 0;
  let delayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse && refuse.left > 0) {
        refuse.left -= 1;
        const error = new Error(
          refuse.code >= 500 ? `No such user: ${address.address}` : 'Mailbox busy, try later',
        ) as Error & { responseCode: number };
        error.responseCode = refuse.code;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              mail,
              raw,
            });
            setTimeout(() => callback(), delayMs);
          })
          .catch(callback);
      });
    },
  });
  // The underlying net.Server: runs after smtp-server's own handler, so it can cut a socket.
  const net = (server as unknown as { server: import('node:net').Server }).server;
  net.on('connection', (socket: Socket) => {
    opened += 1;
    if (drop > 0) {
      drop -= 1;
      socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = net.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuseRecipients: (code, n = 1) => {
      refuse = { code, left: n };
    },
    dropConnections: (n = 1) => {
      drop = n;
    },
    connections: () => opened,
    delay: (ms) => {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An iCalendar file's content lines, unfolded (RFC 5545 §3.1), as `{name, params, value}`. */
export function icsLines(text: string) {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  return unfolded
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      // The value starts after the first colon outside a quoted parameter value.
      let quoted = false;
      let at = -1;
      for (let i = 0; i < line.length; i += 1) {
        if (line[i] === '"') quoted = !quoted;
        if (line[i] === ':' && !quoted) {
          at = i;
          break;
        }
      }
      const [name, ...params] = line.slice(0, at).split(';');
      return { name: name!.toUpperCase(), params, value: line.slice(at + 1) };
    });
}

/** The properties of the calendar and its one VEVENT, by name (the first of each). */
export function parseIcs(text: string) {
  const lines = icsLines(text);
  const get = (name: string) => lines.find((l) => l.name === name);
  const inEvent = lines.slice(
    lines.findIndex((l) => l.name === 'BEGIN' && l.value === 'VEVENT'),
    lines.findIndex((l) => l.name === 'END' && l.value === 'VEVENT') + 1,
  );
  const event = (name: string) => inEvent.find((l) => l.name === name);
  return {
    begin: lines[0],
    end: lines.at(-1),
    method: get('METHOD')?.value,
    uid: event('UID')?.value,
    sequence: Number(event('SEQUENCE')?.value),
    status: event('STATUS')?.value,
    dtstart: event('DTSTART')?.value,
    dtend: event('DTEND')?.value,
    organizer: event('ORGANIZER'),
    attendee: event('ATTENDEE'),
    summary: event('SUMMARY')?.value,
    events: lines.filter((l) => l.name === 'BEGIN' && l.value === 'VEVENT').length,
  };
}

/** `20270314T150000Z` → ISO. */
export const icsInstant = (v: string | undefined) =>
  v ? v.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6.000Z') : '';

/** The .ics a received mail carries (nodemailer's icalEvent: a text/calendar part). */
export function calendarOf(r: Received): string {
  const part = r.mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar in "${r.mail.subject}"`);
  return part.content.toString('utf8');
}

export async function messagesOf(organizationId: string, reservationId?: string) {
  const db = await getDb();
  return db
    .select()
    .from(notificationMessages)
    .where(
      and(
        eq(notificationMessages.organization_id, organizationId),
        reservationId ? eq(notificationMessages.reservation_id, reservationId) : undefined,
      ),
    )
    .orderBy(asc(notificationMessages.created_at), asc(notificationMessages.kind));
}

export async function patchSettings(org: TestOrg, body: Record<string, unknown>) {
  const res = await org.api.patch('/organizations/me/notifications', body);
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An organization in Paris with an all-day service (and one that needs confirmation). */
export async function notificationOrg(timezone = 'Europe/Paris') {
  const org = await keyOrg(timezone);
  const { serviceId } = await makeService(org, {
    service: { name: 'Haircut', duration_minutes: 45, slot_interval_minutes: 15 },
    resources: [{ quantity: 20 }],
    hours: everyDay('00:00', '24:00'),
  });
  const { serviceId: requestServiceId } = await makeService(org, {
    service: {
      name: 'Colour consultation',
      duration_minutes: 30,
      slot_interval_minutes: 15,
      requires_confirmation: true,
    },
    resources: [{ quantity: 20 }],
    hours: everyDay('00:00', '24:00'),
  });
  return { org, serviceId, requestServiceId };
}

/** How a person in `timeZone` reads an instant (Intl, the test's own oracle). */
export function local(iso: string, timeZone: string) {
  const d = new Date(iso);
  const f = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, ...o }).format(d);
  return {
    date: f({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    short: f({ weekday: 'short', day: 'numeric', month: 'short' }),
    time: f({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    zone: new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'long' })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')!.value,
  };
}

/** `days` ahead at `hh:mm` UTC. */
export const at = (days: number, hhmm: string) => `${futureDate(days)}T${hhmm}:00.000Z`;

let slot = 0;
/** A distinct start time, `days` ahead, on the hour (UTC). */
export function nextStart(days = 10): string {
  slot += 1;
  return `${futureDate(days + Math.floor(slot / 20))}T${String(slot % 20).padStart(2, '0')}:00:00.000Z`;
}

/** Books through the public page of a link, as a customer. */
export function bookPublic(slug: string, body: Record<string, unknown>, key?: string) {
  return call('POST', `/public/booking-links/${slug}/reservations`, {
    body,
    headers: key ? { 'idempotency-key': key } : undefined,
  });
}
