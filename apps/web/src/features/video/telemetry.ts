import { EventBatcher, type EventInput, type SendOutcome, type TelemetryEvent } from './telemetry-batcher';

const ENDPOINT = '/api/events';

function newSessionId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers on plain http: any random v4-shaped id will do.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

async function send(events: TelemetryEvent[]): Promise<SendOutcome> {
  try {
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events }),
      keepalive: true,
    });
    if (response.ok) return 'ok';
    return response.status >= 500 ? 'retry' : 'drop';
  } catch {
    return 'retry';
  }
}

function beacon(events: TelemetryEvent[]): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return false;
  const blob = new Blob([JSON.stringify({ events })], { type: 'application/json' });
  return navigator.sendBeacon(ENDPOINT, blob);
}

// One session and one queue per page load, shared by every player on the page.
let batcher: EventBatcher | undefined;

function getBatcher(): EventBatcher {
  if (!batcher) {
    batcher = new EventBatcher({ sessionId: newSessionId(), transport: { send, beacon } });
    const hide = () => batcher?.flushBeacon();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') hide();
    });
    window.addEventListener('pagehide', hide);
  }
  return batcher;
}

/** Queues one watch event; never throws, never waits. */
export function track(event: EventInput): void {
  if (typeof window === 'undefined') return;
  getBatcher().push(event);
}
