import { useEffect, useRef, type MouseEvent } from 'react';

const DOUBLE_TAP_MS = 300;
const SLOP_PX = 30;

/**
 * Tells a single tap from a double tap on one surface: a single tap waits a moment so a
 * double tap does not also toggle playback. Returns the click handler for the surface.
 */
export function useDoubleTap(onSingle: () => void, onDouble: (x: number, y: number) => void) {
  const last = useRef<{ at: number; x: number; y: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const handlers = useRef({ onSingle, onDouble });
  handlers.current = { onSingle, onDouble };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (event: MouseEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const now = event.timeStamp;
    const previous = last.current;
    if (previous && now - previous.at < DOUBLE_TAP_MS && Math.hypot(x - previous.x, y - previous.y) < SLOP_PX) {
      clearTimeout(timer.current);
      last.current = null;
      handlers.current.onDouble(x, y);
      return;
    }
    last.current = { at: now, x, y };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      last.current = null;
      handlers.current.onSingle();
    }, DOUBLE_TAP_MS);
  };
}
