// Stroke icons, inline SVG (no icon font, nothing loaded: the CSP allows only 'self').
const PATHS = {
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7M20 5v6h-6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, spinning = false }: { name: IconName; spinning?: boolean }) {
  return (
    <svg
      className={`icon ${spinning ? 'spin' : ''}`}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
