// Small inline icons; decorative unless given a label.
type TIconProps = { label?: string; className?: string };

function Svg({ label, className, children }: TIconProps & { children: React.ReactNode }) {
  return (
    <svg
      className={className ?? "icon"}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {children}
    </svg>
  );
}

export function LockIcon(props: TIconProps) {
  return (
    <Svg {...props}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </Svg>
  );
}

export function PlayIcon(props: TIconProps) {
  return (
    <Svg {...props}>
      <polygon points="7 4 20 12 7 20 7 4" fill="currentColor" />
    </Svg>
  );
}

export function CheckIcon(props: TIconProps) {
  return (
    <Svg {...props}>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </Svg>
  );
}
