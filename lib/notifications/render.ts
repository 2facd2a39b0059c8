import { render } from '@react-email/render';
import { createElement } from 'react';
import { manageTokenFor } from '@/lib/booking-links/manage-token';
import { inviteFile } from './calendar';
import { messageContent, type MessageContent, type MessageLinks } from './content';
import { paletteFor } from './email/colour';
import { BookingEmail } from './email/BookingEmail';
import type { NotificationKind } from './kinds';
import { linkOrigin } from './origin';
import type { MessageData } from './snapshot';
import { senderFor } from './transport';

/**
 * A message as its recipient gets it — HTML (React Email), plain text and the .ics — from
 * the snapshot stored with it. Run by the dispatcher when it sends (or keeps) the message,
 * and again when an admin opens it in the Outbox; the manage link's token is derived here,
 * never stored.
 */
export interface MessageToRender {
  reservation_id: string;
  kind: NotificationKind;
  audience: 'customer' | 'staff';
  to_address: string;
  subject: string;
  data: Record<string, unknown>;
  sequence: number;
}

export interface RenderedMessage {
  from: { name: string; address: string };
  replyTo: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Customers' messages carry the invite; staff's do not (they are not its attendee). */
  ics: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

function absolute(url: string | null | undefined, origin: string): string | null {
  if (!url) return null;
  if (url.startsWith('/')) return `${origin}${url}`;
  return /^https?:\/\//i.test(url) ? url : null;
}

export function messageLinks(message: MessageToRender, data: MessageData): MessageLinks {
  const origin = linkOrigin(data.origin);
  return {
    manageUrl: data.manageable
      ? `${origin}/book/manage/${manageTokenFor(message.reservation_id)}`
      : null,
    bookUrl: data.branding?.slug ? `${origin}/book/${data.branding.slug}` : null,
    staffUrl: `${origin}/reservations`,
  };
}

export function plainText(content: MessageContent, organizationName: string): string {
  const width = Math.max(...content.details.map((d) => d.label.length)) + 2;
  const pad = (s: string) => s.padEnd(width, ' ');
  const lines: string[] = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  for (const row of content.details) {
    lines.push(`${pad(`${row.label}:`)}${row.value}${row.struck ? ' (old time)' : ''}`);
    if (row.note) lines.push(`${pad('')}${row.note}`);
  }
  lines.push('');
  if (content.quote) lines.push(`${content.quote.label}: “${content.quote.text}”`, '');
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, '');
  if (content.footnote) lines.push(content.footnote, '');
  lines.push(`— ${organizationName}`);
  return `${lines.join('\n')}\n`;
}

export async function renderMessage(message: MessageToRender): Promise<RenderedMessage> {
  const data = message.data as unknown as MessageData;
  const origin = linkOrigin(data.origin);
  const links = messageLinks(message, data);
  const content = { ...messageContent(message.kind, data, links), subject: message.subject };
  const organizationName = data.organization.name;
  const html = await render(
    createElement(BookingEmail, {
      content,
      palette: paletteFor(data.branding?.primary_color),
      organizationName,
      logoUrl: absolute(data.branding?.logo_url, origin),
    }),
  );
  const from = senderFor(organizationName);
  const cancel = message.kind === 'cancelled' || data.reservation.status === 'cancelled';
  const ics =
    message.audience === 'customer'
      ? {
          method: cancel ? ('CANCEL' as const) : ('REQUEST' as const),
          content: inviteFile(data, {
            sequence: message.sequence,
            cancel,
            organizer: { name: organizationName, email: from.address },
            manageUrl: links.manageUrl,
          }),
        }
      : null;
  return {
    from,
    replyTo: message.audience === 'customer' ? (data.reply_to ?? null) : null,
    to: message.to_address,
    subject: message.subject,
    html,
    text: plainText(content, organizationName),
    ics,
  };
}
