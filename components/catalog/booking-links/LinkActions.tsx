'use client';

import { Button, buttonClassName } from '@/components/ui';
import { useFlash } from '../useFlash';

/** Where customers book through a link (§11: `/book/:slug`). */
export function bookingPath(slug: string): string {
  return `/book/${slug}`;
}

/** The clipboard API needs a secure context; a hidden textarea and execCommand do elsewhere. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** Opens the public booking page in a new tab (the staff page stays where it was). */
export function OpenBookingPage({ slug, name }: { slug: string; name: string }) {
  return (
    <a
      href={bookingPath(slug)}
      target="_blank"
      rel="noopener noreferrer"
      className={buttonClassName({ size: 'sm', variant: 'secondary' })}
      aria-label={`Open the booking page of ${name} in a new tab`}
    >
      Open
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <path
          d="M5 2H2.5v7.5H10V7M7 2h3v3M10 2L5.5 6.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </a>
  );
}

/** Copies the page's absolute address, says so on the button and to screen readers. */
export function CopyLinkButton({ slug, name }: { slug: string; name: string }) {
  const [result, showResult] = useFlash(2500);
  async function copy() {
    const url = new URL(bookingPath(slug), window.location.origin).href;
    showResult((await copyText(url)) ? 'Copied' : 'Could not copy');
  }
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => void copy()}
        aria-label={`Copy link to the booking page of ${name}`}
      >
        {result ?? 'Copy link'}
      </Button>
      <span role="status" className="sr-only">
        {result === 'Copied' ? `Link to ${name} copied.` : result ? `Could not copy the link.` : ''}
      </span>
    </>
  );
}
