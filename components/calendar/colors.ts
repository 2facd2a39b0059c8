/** The service colour, or the house accent when a service has none. */
export function serviceColor(color: string | null | undefined): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : '#3656d6';
}
