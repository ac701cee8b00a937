import { api } from '../../lib/api-client';

// Reported views for this page load: each note at most once, sent in batches so a fast
// scroll through a grid costs one request, never blocking or failing anything visible.
const reported = new Set<string>();
let queue: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
const BATCH_MAX = 50;
const FLUSH_DELAY_MS = 2000;

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  while (queue.length > 0) {
    const noteIds = queue.slice(0, BATCH_MAX);
    queue = queue.slice(BATCH_MAX);
    api.post('/api/views', { noteIds }).catch(() => {
      // A lost view is not worth bothering anyone about.
    });
  }
}

export function reportView(noteId: string): void {
  if (reported.has(noteId)) return;
  reported.add(noteId);
  queue.push(noteId);
  if (queue.length >= BATCH_MAX) flush();
  else timer ??= setTimeout(flush, FLUSH_DELAY_MS);
}

if (typeof window !== 'undefined') {
  // Leaving or hiding the page: send what is queued while the page can still send it.
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}

// ---- Cards seen in a grid: at least half visible for at least a second. ----
const SEEN_AFTER_MS = 1000;
const watched = new Map<Element, { noteId: string; timer?: ReturnType<typeof setTimeout> }>();
let observer: IntersectionObserver | undefined;

function getObserver(): IntersectionObserver | undefined {
  if (typeof IntersectionObserver === 'undefined') return undefined;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const watch = watched.get(entry.target);
        if (!watch) continue;
        if (entry.isIntersecting && entry.intersectionRatio >= 0.5) {
          watch.timer ??= setTimeout(() => {
            reportView(watch.noteId);
            unwatchCard(entry.target);
          }, SEEN_AFTER_MS);
        } else if (watch.timer) {
          clearTimeout(watch.timer);
          watch.timer = undefined;
        }
      }
    },
    { threshold: [0, 0.5] },
  );
  return observer;
}

export function watchCard(element: Element, noteId: string): void {
  if (reported.has(noteId)) return;
  const io = getObserver();
  if (!io) return;
  watched.set(element, { noteId });
  io.observe(element);
}

export function unwatchCard(element: Element): void {
  const watch = watched.get(element);
  if (watch?.timer) clearTimeout(watch.timer);
  watched.delete(element);
  observer?.unobserve(element);
}
