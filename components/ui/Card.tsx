import type { ElementType, ReactNode } from 'react';
import styles from './Card.module.css';

export interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links shown at the header's end. */
  actions?: ReactNode;
  /** The heading level of the title (defaults to h2). */
  titleAs?: 'h1' | 'h2' | 'h3';
  as?: ElementType;
  className?: string;
  id?: string;
  'aria-labelledby'?: string;
  children?: ReactNode;
}

/** A white panel with an optional header; the unit of every page's layout. */
export function Card({
  title,
  description,
  actions,
  titleAs: Title = 'h2',
  as: Tag = 'section',
  className,
  children,
  ...rest
}: CardProps) {
  return (
    <Tag className={[styles.card, className].filter(Boolean).join(' ')} {...rest}>
      {(title || actions) && (
        <div className={styles.header}>
          <div className={styles.headerText}>
            {title && <Title id={rest.id ? `${rest.id}-title` : undefined}>{title}</Title>}
            {description && <p className={styles.description}>{description}</p>}
          </div>
          {actions}
        </div>
      )}
      <div className={styles.body}>{children}</div>
    </Tag>
  );
}
