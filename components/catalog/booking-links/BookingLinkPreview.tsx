'use client';

import { useState, type CSSProperties, type ReactNode } from 'react';
import { imageUrlSchema } from '@/lib/validation/fields';
import { Card } from '@/components/ui';
import { formatMinutes, formatPrice } from '../format';
import { useCustomFields } from '../queries';
import type { Service } from '../types';
import { accentOf, contrastRatio, textOn } from './bookingLinkValues';
import { bookingPath } from './LinkActions';
import own from './bookingLinks.module.css';

export interface PreviewConfig {
  title?: string | null;
  description?: string | null;
  logo_url?: string | null;
  cover_url?: string | null;
  primary_color?: string | null;
  require_phone?: boolean;
  custom_field_keys?: (string | undefined)[];
}

/**
 * A small rendering of the public page's header and service list with the form's unsaved
 * values. It is a picture, not the page: nothing in it is focusable or clickable.
 */
export function BookingLinkPreviewCard({
  slug,
  name,
  organizationName,
  config,
  services,
}: {
  slug: string;
  name: string;
  organizationName: string;
  config: PreviewConfig;
  /** The link's active services, in the public page's order (by name). */
  services: Service[];
}) {
  // The public page asks the link's active reservation fields, in their position order.
  const questions = (useCustomFields('reservation').data ?? []).filter(
    (f) => f.is_active && (config.custom_field_keys ?? []).includes(f.key),
  );
  const accent = accentOf(config.primary_color);
  const onAccent = textOn(accent);
  const title = config.title?.trim() || name.trim() || 'Your booking page';
  const asked = [
    'Name',
    'Email',
    ...(config.require_phone ? ['Phone'] : []),
    ...questions.map((q) => q.label),
  ];
  const lowContrast = contrastRatio(accent, '#FFFFFF') < 3;

  return (
    <Card
      as="aside"
      id="booking-link-preview"
      aria-labelledby="booking-link-preview-title"
      className={own.previewColumn}
      title="Preview"
      description="The public page with these settings, before you save."
    >
      <div className={own.previewFrame}>
        <div className={own.previewBar} aria-hidden="true">
          <span className={own.previewDots} />
          <span className={own.previewUrl}>{bookingPath(slug || '…')}</span>
        </div>
        <section
          className={own.previewPage}
          aria-label="Booking page preview"
          style={{ '--preview-accent': accent, '--preview-on-accent': onAccent } as CSSProperties}
        >
          <PreviewImage
            url={config.cover_url}
            className={own.previewCover}
            fallback={<div className={own.previewBand} />}
            what="Cover"
          />
          <div className={own.previewHeader}>
            <PreviewImage url={config.logo_url} className={own.previewLogo} what="Logo" />
            <p className={own.previewOrg}>{organizationName}</p>
            <p className={own.previewTitle}>{title}</p>
            {config.description?.trim() && (
              <p className={own.previewDescription}>{config.description}</p>
            )}
          </div>
          <p className={own.previewHeading}>Choose a service</p>
          {services.length === 0 ? (
            <p className={own.previewEmpty}>Tick services to see them here.</p>
          ) : (
            <ul className={own.previewServices}>
              {services.map((service) => (
                <li key={service.id} className={own.previewService}>
                  <span className={own.previewServiceText}>
                    <span className={own.previewServiceName}>{service.name}</span>
                    <span className={own.previewServiceMeta}>
                      {formatMinutes(service.duration_minutes)}
                      {service.price_amount !== null &&
                        ` · ${formatPrice(service.price_amount, service.currency)}`}
                    </span>
                  </span>
                  <span className={own.previewButton}>Book</span>
                </li>
              ))}
            </ul>
          )}
          <p className={own.previewAsked}>Asks for: {asked.join(', ')}</p>
        </section>
      </div>
      {lowContrast && (
        <p className={own.previewNote}>
          This colour is light: text and links in it may be hard to read on white.
        </p>
      )}
    </Card>
  );
}

/** A cover or logo, shown only when the address is one the API accepts and it loads. */
function PreviewImage({
  url,
  className,
  fallback = null,
  what,
}: {
  url: string | null | undefined;
  className: string;
  fallback?: ReactNode;
  what: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const valid = url ? imageUrlSchema.safeParse(url).success : false;
  if (!url || !valid) return fallback;
  if (failed === url)
    return (
      <>
        {fallback}
        <p className={own.previewNote}>{what} image could not be loaded.</p>
      </>
    );
  return (
    // A plain <img>: addresses are the admin's own (any https host or an upload), which
    // next/image would need listed in its config.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={url} alt="" className={className} onError={() => setFailed(url)} />
  );
}
