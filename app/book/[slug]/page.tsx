import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { BookingFlow } from '@/components/booking/BookingFlow';
import { BrandedPage } from '@/components/booking/BrandedPage';
import { brandColors } from '@/components/booking/theme';
import { getDb } from '@/db/client';
import { getPublicBookingPage } from '@/lib/booking-links/public-link';
import { AppError } from '@/lib/http/errors';

interface Props {
  params: Promise<{ slug: string }>;
}

/** One load per request, shared by the metadata and the page; unknown or inactive → 404. */
const loadPage = cache(async (slug: string) => {
  await connection();
  try {
    return await getPublicBookingPage(await getDb(), slug);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage((await params).slug);
  const title = page.page_config.title ?? `Book with ${page.organization.name}`;
  const description =
    page.page_config.description?.slice(0, 200) ??
    `Book ${page.services.map((s) => s.name).join(', ')} online with ${page.organization.name}.`;
  const cover = page.page_config.cover_url;
  return {
    title: { absolute: `${title} · ${page.organization.name}` },
    description,
    openGraph: {
      title,
      description,
      siteName: page.organization.name,
      ...(cover?.startsWith('https://') ? { images: [cover] } : {}),
    },
  };
}

export async function generateViewport({ params }: Props): Promise<Viewport> {
  const page = await loadPage((await params).slug);
  return { themeColor: brandColors(page.page_config.primary_color).accent };
}

export default async function BookingPage({ params }: Props) {
  const page = await loadPage((await params).slug);
  return (
    <BrandedPage
      branding={{
        title: page.page_config.title ?? page.organization.name,
        organizationName: page.organization.name,
        description: page.page_config.description,
        logoUrl: page.page_config.logo_url,
        coverUrl: page.page_config.cover_url,
        primaryColor: page.page_config.primary_color,
      }}
    >
      <BookingFlow page={page} />
    </BrandedPage>
  );
}
