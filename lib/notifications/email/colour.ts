/**
 * The few colour sums an email needs (no CSS variables, no color-mix in mail clients): a
 * booking link's primary colour made safe to use — a readable text colour on it, a soft tint
 * of it, and a variant dark enough to read as text on white.
 */

export const DEFAULT_BRAND = '#3656d6';

type Rgb = [number, number, number];

function parse(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb) =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (a: Rgb, b: Rgb, weightOfA: number): Rgb =>
  [0, 1, 2].map((i) => a[i]! * weightOfA + b[i]! * (1 - weightOfA)) as Rgb;

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 24, 39];

export interface Palette {
  brand: string;
  /** Text on the brand colour (buttons). */
  onBrand: string;
  /** A pale tint of the brand (badges). */
  tint: string;
  /** The brand darkened until it reads as text on white. */
  brandText: string;
}

export function paletteFor(primary: string | null | undefined): Palette {
  const rgb = (primary && parse(primary)) || parse(DEFAULT_BRAND)!;
  let text = rgb;
  for (let i = 0; i < 10 && contrast(text, WHITE) < 4.5; i += 1) text = mix(text, INK, 0.8);
  return {
    brand: toHex(rgb),
    onBrand: contrast(WHITE, rgb) >= 3 ? '#ffffff' : toHex(INK),
    tint: toHex(mix(rgb, WHITE, 0.12)),
    brandText: toHex(text),
  };
}
