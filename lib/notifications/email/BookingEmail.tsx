import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Html,
  Img,
  Preview,
  Row,
  Section,
  Text,
} from '@react-email/components';
import type { CSSProperties } from 'react';
import type { MessageContent, Tone } from '../content';
import type { Palette } from './colour';

/**
 * Every §19 email, customer's or staff's: the business's logo (or name), a card with a status
 * badge, a heading, a few sentences, the booking's details (the time with its zone), one
 * button, and small print. Inline styles for the mail clients that strip <style>; the
 * <style> block adds a dark theme where clients honour prefers-color-scheme, and the light
 * colours are chosen to survive the clients that invert them on their own.
 */
export interface BookingEmailProps {
  content: MessageContent;
  palette: Palette;
  organizationName: string;
  logoUrl: string | null;
}

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const TONES: Record<Exclude<Tone, 'brand'>, { bg: string; fg: string }> = {
  success: { bg: '#e6f4ec', fg: '#17663d' },
  warning: { bg: '#fff3d6', fg: '#7a4f00' },
  danger: { bg: '#fdeceb', fg: '#b3261e' },
  neutral: { bg: '#eef0f3', fg: '#4b5260' },
};

const DARK_CSS = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  @media (prefers-color-scheme: dark) {
    .em-body, .em-body > table > tbody > tr > td { background-color: #0f1115 !important; }
    .em-card { background-color: #181b22 !important; border-color: #2a2f3a !important; }
    .em-ink { color: #f1f3f6 !important; }
    .em-text { color: #cfd4dc !important; }
    .em-muted { color: #9aa1ad !important; }
    .em-details { background-color: #1f232c !important; border-color: #2f3542 !important; }
    .em-rule { border-color: #2a2f3a !important; }
  }
  @media (max-width: 480px) {
    .em-pad { padding: 22px 20px !important; }
    .em-details { padding: 4px 14px !important; }
    .em-label { width: 64px !important; }
  }
`;

export function BookingEmail({ content, palette, organizationName, logoUrl }: BookingEmailProps) {
  const tone =
    content.badge.tone === 'brand'
      ? { bg: palette.tint, fg: palette.brandText }
      : TONES[content.badge.tone];
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{DARK_CSS}</style>
      </Head>
      <Preview>{content.preheader}</Preview>
      <Body className="em-body" style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            {logoUrl ? (
              <Img src={logoUrl} alt={organizationName} height="40" style={styles.logo} />
            ) : (
              <Text className="em-ink" style={styles.wordmark}>
                {organizationName}
              </Text>
            )}
          </Section>

          <Section className="em-card" style={styles.card}>
            <div style={{ ...styles.accent, backgroundColor: palette.brand }} />
            <Section className="em-pad" style={styles.cardBody}>
              <Text style={{ ...styles.badge, backgroundColor: tone.bg, color: tone.fg }}>
                {content.badge.label}
              </Text>
              <Heading as="h1" className="em-ink" style={styles.heading}>
                {content.heading}
              </Heading>
              {content.paragraphs.map((p, i) => (
                <Text key={i} className="em-text" style={styles.paragraph}>
                  {p}
                </Text>
              ))}

              <Section className="em-details" style={styles.details}>
                {content.details.map((row) => (
                  <Row key={row.label} style={styles.detailRow}>
                    <Column className="em-muted em-label" style={styles.detailLabel}>
                      {row.label}
                    </Column>
                    <Column style={styles.detailCell}>
                      <Text
                        className={row.struck ? 'em-muted' : 'em-ink'}
                        style={row.struck ? styles.detailStruck : styles.detailValue}
                      >
                        {row.value}
                      </Text>
                      {row.note && (
                        <Text className="em-muted" style={styles.detailNote}>
                          {row.note}
                        </Text>
                      )}
                    </Column>
                  </Row>
                ))}
              </Section>

              {content.quote && (
                <Section style={{ ...styles.quote, borderLeftColor: palette.brand }}>
                  <Text className="em-muted" style={styles.quoteLabel}>
                    {content.quote.label}
                  </Text>
                  <Text className="em-text" style={styles.quoteText}>
                    {content.quote.text}
                  </Text>
                </Section>
              )}

              {content.action && (
                <Section style={styles.actionRow}>
                  <Button
                    href={content.action.url}
                    style={{
                      ...styles.button,
                      backgroundColor: palette.brand,
                      color: palette.onBrand,
                    }}
                  >
                    {content.action.label}
                  </Button>
                </Section>
              )}

              {content.footnote && (
                <Text className="em-muted em-rule" style={styles.footnote}>
                  {content.footnote}
                </Text>
              )}
            </Section>
          </Section>

          <Text className="em-muted" style={styles.footer}>
            {organizationName} · sent with Reservations
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

const styles = {
  body: { margin: 0, padding: 0, backgroundColor: '#f3f4f6', fontFamily: FONT },
  container: { maxWidth: '560px', margin: '0 auto', padding: '32px 16px 40px' },
  header: { padding: '0 4px 16px' },
  logo: { display: 'block', height: '40px', width: 'auto', maxWidth: '200px' },
  wordmark: {
    margin: 0,
    fontSize: '18px',
    lineHeight: '28px',
    fontWeight: 700,
    color: '#111827',
    letterSpacing: '-0.01em',
  },
  card: {
    backgroundColor: '#ffffff',
    border: '1px solid #e5e7eb',
    borderRadius: '14px',
    overflow: 'hidden',
  },
  accent: { height: '4px', lineHeight: '4px', fontSize: '4px' },
  cardBody: { padding: '28px 32px 28px' },
  badge: {
    display: 'inline-block',
    margin: '0 0 14px',
    padding: '3px 10px',
    borderRadius: '999px',
    fontSize: '12px',
    lineHeight: '18px',
    fontWeight: 600,
    letterSpacing: '0.02em',
  },
  heading: {
    margin: '0 0 12px',
    fontSize: '24px',
    lineHeight: '32px',
    fontWeight: 700,
    color: '#111827',
    letterSpacing: '-0.01em',
  },
  paragraph: { margin: '0 0 12px', fontSize: '15px', lineHeight: '24px', color: '#374151' },
  details: {
    margin: '20px 0 4px',
    padding: '6px 20px',
    backgroundColor: '#f8f9fb',
    border: '1px solid #eceef2',
    borderRadius: '10px',
  },
  detailRow: { verticalAlign: 'top' },
  detailLabel: {
    width: '84px',
    padding: '10px 12px 10px 0',
    verticalAlign: 'top',
    fontSize: '13px',
    lineHeight: '22px',
    color: '#6b7280',
  },
  detailCell: { padding: '10px 0', verticalAlign: 'top' },
  detailValue: {
    margin: 0,
    fontSize: '15px',
    lineHeight: '22px',
    fontWeight: 600,
    color: '#111827',
  },
  detailStruck: {
    margin: 0,
    fontSize: '15px',
    lineHeight: '22px',
    color: '#8a919d',
    textDecoration: 'line-through',
  },
  detailNote: { margin: '2px 0 0', fontSize: '13px', lineHeight: '20px', color: '#6b7280' },
  quote: { margin: '16px 0 0', padding: '2px 0 2px 14px', borderLeft: '3px solid' },
  quoteLabel: { margin: 0, fontSize: '12px', lineHeight: '18px', color: '#6b7280' },
  quoteText: { margin: 0, fontSize: '15px', lineHeight: '22px', color: '#374151' },
  actionRow: { padding: '24px 0 4px' },
  button: {
    display: 'inline-block',
    padding: '12px 22px',
    borderRadius: '8px',
    fontSize: '15px',
    lineHeight: '20px',
    fontWeight: 600,
    textDecoration: 'none',
  },
  footnote: {
    margin: '24px 0 0',
    paddingTop: '16px',
    borderTop: '1px solid #eceef2',
    fontSize: '13px',
    lineHeight: '20px',
    color: '#6b7280',
  },
  footer: {
    margin: '20px 0 0',
    textAlign: 'center',
    fontSize: '12px',
    lineHeight: '18px',
    color: '#9aa1ad',
  },
} satisfies Record<string, CSSProperties>;
