import './avatar.css';

// Deep enough shades that white initials keep at least 4.5:1 contrast.
const PALETTE = ['#c2185b', '#6a1b9a', '#283593', '#00695c', '#2e7d32', '#9e3d00', '#ad1457', '#37474f'];

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h;
}

interface AvatarProps {
  /** Stable key for the colour (user id), so it does not change when the name does. */
  seed: string;
  name: string;
  size?: number;
  /** Empty when a name next to it already says who this is: then it is decorative. */
  label: string;
}

export function Avatar({ seed, name, size = 72, label }: AvatarProps) {
  // The first grapheme, so a CJK name or an emoji shows whole.
  const initial = [...name.trim()][0]?.toUpperCase() ?? '?';
  return (
    <span
      className="avatar"
      role={label ? 'img' : undefined}
      aria-label={label || undefined}
      aria-hidden={label ? undefined : true}
      style={{ width: size, height: size, fontSize: size * 0.42, background: PALETTE[hash(seed) % PALETTE.length] }}
    >
      <span aria-hidden="true">{initial}</span>
    </span>
  );
}
