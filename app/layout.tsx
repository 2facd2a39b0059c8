import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/Providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Reservations', template: '%s · Reservations' },
  description: 'Bookings for services, rooms, tables and people.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#f7f8fa',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request renders every page per request, so its scripts carry the request's
  // CSP nonce (proxy.ts); Next finds the nonce in the request's CSP header itself.
  await headers();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
