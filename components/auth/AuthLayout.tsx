import type { ReactNode } from 'react';
import { Card } from '@/components/ui';
import { BrandMark } from './BrandMark';
import styles from './AuthLayout.module.css';

/** The centred card the sign-in and sign-up pages share. */
export function AuthLayout({
  title,
  subtitle,
  footer,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className={styles.page}>
      <div className={styles.brand}>
        <BrandMark />
        <span>Reservations</span>
      </div>
      <div className={styles.panel}>
        <Card as="div">
          <div className={styles.heading}>
            <h1>{title}</h1>
            {subtitle && <p className="muted">{subtitle}</p>}
          </div>
          {children}
        </Card>
        {footer && <p className={styles.footer}>{footer}</p>}
      </div>
    </main>
  );
}
