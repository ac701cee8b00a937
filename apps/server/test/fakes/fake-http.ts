import http from 'node:http';
import type { AddressInfo } from 'node:net';

// The plumbing the fake providers share: a real HTTP server on 127.0.0.1 that
// records every request and behaves as the test asks (translate, answer
// garbage or the wrong shape, be slow, fail with a status). No test framework
// here: the browser tests start these from a plain script.

export type FakeBehaviour =
  | 'translate'
  /** 200 with a body that is not JSON. */
  | 'garbage'
  /** 200 with JSON of the wrong shape. */
  | 'wrong-shape'
  /** LLM only: follows an instruction found in the text (extra words, tokens dropped). */
  | 'obey-injection'
  /** LLM only: a correct translation with a remark outside the markers. */
  | 'commentary'
  /** Translates but loses the ⟦n⟧ tokens. */
  | 'drop-tokens'
  /** Fails with this status in the provider's documented error format. */
  | { status: number }
  /** Translates after this delay (the server gives up first when its timeout is shorter). */
  | { delayMs: number };

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
}

export interface FakeProvider {
  url: string;
  /** Every request received, oldest first. */
  requests: SeenRequest[];
  /** Requests to the translate endpoint only. */
  translateCalls(): SeenRequest[];
  behave(behaviour: FakeBehaviour): void;
  close(): Promise<void>;
}

export interface FakeReply {
  status: number;
  body: unknown;
  /** Send the body as is (for garbage), not as JSON. */
  raw?: boolean;
}

export type FakeHandler = (request: SeenRequest, behaviour: FakeBehaviour) => FakeReply;

export async function startFakeServer(options: {
  port?: number;
  host?: string;
  translatePath: (path: string) => boolean;
  handle: FakeHandler;
}): Promise<FakeProvider> {
  const requests: SeenRequest[] = [];
  let behaviour: FakeBehaviour = 'translate';
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // kept as text: the handler answers a 400 like the real service
      }
      const seen: SeenRequest = { method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, headers: req.headers, body };
      requests.push(seen);
      const current = behaviour;
      const send = () => {
        const reply = options.handle(seen, current);
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': reply.raw ? 'text/html; charset=utf-8' : 'application/json' });
        res.end(reply.raw ? String(reply.body) : JSON.stringify(reply.body));
      };
      if (typeof current === 'object' && 'delayMs' in current && options.translatePath(seen.path)) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, current.delayMs);
        timers.add(timer);
        // A client that gave up needs no answer.
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
      } else {
        send();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    requests,
    translateCalls: () => requests.filter((request) => options.translatePath(request.path)),
    behave(next) {
      behaviour = next;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const GARBAGE = '<html><body><h1>502 Bad Gateway</h1></body></html>';
