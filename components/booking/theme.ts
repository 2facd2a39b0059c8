import type { CSSProperties } from 'react';

/**
 * The booking pages take the link's primary colour as their accent. Buttons are filled with
 * it exactly, with white or near-black text, whichever contrasts more (one of them always
 * reaches 4.5:1). Text and focus rings use `--brand-ink`, the colour darkened until it reads
 * at 4.5:1 on the page's lightest tinted background, so a pale brand colour stays legible.
 */

const DEFAULT_ACCENT = '#3656d6';
const DARK_TEXT = '#15181e';

type Rgb = [number, number, number];

const toRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toHex = (rgb: Rgb) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(toRgb(a)), luminance(toRgb(b))].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (a: Rgb, b: Rgb, weightOfB: number): Rgb =>
  a.map((c, i) => c + (b[i]! - c) * weightOfB) as Rgb;

export interface BrandColors {
  accent: string;
  accentText: string;
  accentHover: string;
  accentSoft: string;
  ink: string;
}

export function brandColors(primary: string | null | undefined): BrandColors {
  const accent =
    primary && /^#[0-9a-f]{6}$/i.test(primary) ? primary.toLowerCase() : DEFAULT_ACCENT;
  const rgb = toRgb(accent);
  const accentText =
    contrastRatio(accent, '#ffffff') >= contrastRatio(accent, DARK_TEXT) ? '#ffffff' : DARK_TEXT;
  const accentSoft = toHex(mix(rgb, [255, 255, 255], 0.9));
  let ink = rgb;
  for (let i = 0; i < 20 && contrastRatio(toHex(ink), accentSoft) < 4.6; i++) {
    ink = mix(ink, [0, 0, 0], 0.12);
  }
  return {
    accent,
    accentText,
    accentHover: toHex(mix(rgb, [0, 0, 0], accentText === '#ffffff' ? 0.14 : 0.08)),
    accentSoft,
    ink: toHex(ink),
  };
}

/** CSS variables for a wrapper element; everything inside picks up the brand. */
export function brandStyle(primary: string | null | undefined): CSSProperties {
  const c = brandColors(primary);
  const [r, g, b] = toRgb(c.ink);
  return {
    '--accent': c.accent,
    '--accent-hover': c.accentHover,
    '--accent-text': c.accentText,
    '--accent-soft': c.accentSoft,
    '--brand-ink': c.ink,
    '--focus-ring': `0 0 0 3px rgb(${r} ${g} ${b} / 0.4)`,
  } as CSSProperties;
}
