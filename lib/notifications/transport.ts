import nodemailer, { type Transporter } from 'nodemailer';

/**
 * How mail leaves (§19): over SMTP to `SMTP_URL` (`smtp://user:pass@host:587`,
 * `smtps://…:465`; nodemailer's URL options such as `?pool=true` apply), from `MAIL_FROM`.
 * Without `SMTP_URL` nothing is sent: the dispatcher renders each message and keeps it
 * (`kept`) for the admin Outbox.
 */

/** Connection, greeting and socket limits: a try ends well inside the claim's 60 s lease. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

const key = Symbol.for('reservations.notifications.transport');
type WithTransport = typeof globalThis & { [key]?: { url: string; transport: Transporter } };

/** This process's transport for `SMTP_URL`, or null when mail is kept instead. */
export function configuredTransport(): Transporter | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  const g = globalThis as WithTransport;
  if (g[key]?.url !== url) g[key] = { url, transport: smtpTransport(url) };
  return g[key].transport;
}

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport({ url, ...TIMEOUTS });
}

export interface Sender {
  name: string;
  address: string;
}

/**
 * `MAIL_FROM` as `Name <address>` is used as given; a bare address is sent under the
 * organization's name, so customers see who wrote to them.
 */
export function senderFor(organizationName: string): Sender {
  const from = process.env.MAIL_FROM?.trim() || 'no-reply@localhost';
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (named) return { name: named[1]!.trim() || organizationName, address: named[2]!.trim() };
  return { name: organizationName, address: from };
}

/** How mail leaves, for the admin pages: sent or kept, and from which address. */
export function mailDelivery(): { mode: 'smtp' | 'kept'; address: string; name: string | null } {
  const sender = senderFor('');
  return {
    mode: process.env.SMTP_URL?.trim() ? 'smtp' : 'kept',
    address: sender.address,
    name: sender.name || null,
  };
}
