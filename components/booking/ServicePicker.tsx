import { formatPrice } from './money';
import { formatDuration } from './time';
import type { PublicService } from './types';
import styles from './ServicePicker.module.css';

/** The link's services as cards; choosing one moves on to the calendar. */
export function ServicePicker({
  services,
  selectedId,
  onSelect,
}: {
  services: readonly PublicService[];
  selectedId: string | null;
  onSelect: (service: PublicService) => void;
}) {
  return (
    <ul className={styles.list} aria-label="Services">
      {services.map((service) => {
        const price = formatPrice(service.price_amount, service.currency);
        const group =
          service.max_party_size > 1
            ? `${service.min_party_size === service.max_party_size ? '' : `${service.min_party_size}–`}${service.max_party_size} people`
            : null;
        return (
          <li key={service.id}>
            <button
              type="button"
              className={styles.card}
              aria-pressed={service.id === selectedId}
              onClick={() => onSelect(service)}
              style={service.color ? ({ '--service-color': service.color } as never) : undefined}
            >
              {service.image_url ? (
                // Business-supplied image from any https host (see BrandedPage).
                // eslint-disable-next-line @next/next/no-img-element
                <img src={service.image_url} alt="" className={styles.image} loading="lazy" />
              ) : (
                <span className={styles.swatch} aria-hidden="true" />
              )}
              <span className={styles.text}>
                <span className={styles.name}>{service.name}</span>
                {service.description && (
                  <span className={styles.description}>{service.description}</span>
                )}
                <span className={styles.meta}>
                  <span>{formatDuration(service.duration_minutes)}</span>
                  {group && <span>{group}</span>}
                  {service.requires_confirmation && <span>Request to book</span>}
                  {price && <span className={styles.price}>{price}</span>}
                </span>
              </span>
              <svg
                className={styles.chevron}
                width="16"
                height="16"
                viewBox="0 0 16 16"
                aria-hidden="true"
              >
                <path
                  d="M6 3.5L10.5 8 6 12.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
