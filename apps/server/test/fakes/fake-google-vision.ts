import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

// A stand-in for Google Cloud Vision on 127.0.0.1, speaking its documented API:
//   POST /v1/images:annotate?key=KEY
//        { requests: [{ image: { content: base64 }, features: [{ type: 'SAFE_SEARCH_DETECTION' }] }] }
//     → { responses: [{ safeSearchAnnotation: { adult, spoof, medical, violence, racy } }] }
//   a bad key → 400 { error: { code: 400, message, status: 'INVALID_ARGUMENT' } }
// It "sees" an image by its mean colour: mostly red reads as violence, mostly
// orange as adult content, anything else as harmless.

export interface FakeVision {
  url: string;
  calls: number;
  close(): Promise<void>;
}

async function rate(image: Buffer) {
  const { channels } = await sharp(image).stats();
  const [r, g, b] = channels.map((channel) => channel.mean) as [number, number, number];
  const base = { adult: 'VERY_UNLIKELY', spoof: 'VERY_UNLIKELY', medical: 'UNLIKELY', violence: 'VERY_UNLIKELY', racy: 'UNLIKELY' };
  if (r > 180 && g > 100 && g < 190 && b < 120) return { ...base, adult: 'LIKELY', racy: 'VERY_LIKELY' };
  if (r > 150 && g < 80 && b < 80) return { ...base, violence: 'VERY_LIKELY' };
  return base;
}

export async function startFakeGoogleVision(options: { apiKey: string }): Promise<FakeVision> {
  const state = { calls: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const url = new URL(request.url ?? '/', 'http://fake');
      if (request.method !== 'POST' || url.pathname !== '/v1/images:annotate')
        return send(404, { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } });
      if (url.searchParams.get('key') !== options.apiKey) return send(400, { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT' } });
      state.calls += 1;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { requests: Array<{ image: { content: string } }> };
        const responses = await Promise.all(
          body.requests.map(async (entry) => ({ safeSearchAnnotation: await rate(Buffer.from(entry.image.content, 'base64')) })),
        );
        send(200, { responses });
      } catch {
        send(400, { error: { code: 400, message: 'Bad image data.', status: 'INVALID_ARGUMENT' } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() {
      return state.calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
