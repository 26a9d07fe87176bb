/** The app's mark: a lens over a waveform, drawn here so it needs no image request. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" className="logo">
      <rect x="2" y="2" width="60" height="60" rx="14" fill="var(--accent)" />
      <path d="M12 34h5l3-9 4 18 4-24 4 20 3-11 3 6h4" fill="none" stroke="var(--accent-ink)" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="44" cy="40" r="9" fill="none" stroke="var(--accent-ink)" strokeWidth="3.2" />
      <path d="M50.5 46.5 56 52" stroke="var(--accent-ink)" strokeWidth="4" strokeLinecap="round" />
    </svg>
  )
}
