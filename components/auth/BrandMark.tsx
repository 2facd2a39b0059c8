/** The product's mark: a calendar square in the accent colour. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 28 28" aria-hidden="true">
      <rect width="28" height="28" rx="7" fill="var(--accent)" />
      <rect
        x="7"
        y="8.5"
        width="14"
        height="12"
        rx="2"
        fill="none"
        stroke="#fff"
        strokeWidth="1.8"
      />
      <path
        d="M7 12.5h14M11 6.5v4M17 6.5v4"
        stroke="#fff"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}
