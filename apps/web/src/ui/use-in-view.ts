import { useEffect, useRef } from 'react';

/**
 * Calls `onEnter` whenever the returned element scrolls within `margin` of the viewport:
 * the sentinel under an infinite list.
 */
export function useInView<T extends Element>(onEnter: () => void, enabled: boolean, margin = '600px') {
  const ref = useRef<T>(null);
  const callback = useRef(onEnter);
  callback.current = onEnter;
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, margin]);
  return ref;
}
