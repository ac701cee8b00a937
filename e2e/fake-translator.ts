// The translation provider of the browser tests: the server tests' fake LibreTranslate
// (a real HTTP server speaking LibreTranslate's POST /translate), on its own port.
// Usage: tsx e2e/fake-translator.ts <port>
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface FakeLibreTranslate {
  url: string;
  close: () => Promise<void>;
}

const port = Number(process.argv[2] ?? process.env.FAKE_TRANSLATOR_PORT ?? 0);
const here = path.dirname(fileURLToPath(import.meta.url));
// Imported by URL: the module lives in the server's test tree, outside this project's sources.
const moduleUrl = pathToFileURL(path.join(here, '../apps/server/test/fakes/fake-libretranslate.ts')).href;
const { startFakeLibreTranslate } = (await import(moduleUrl)) as {
  startFakeLibreTranslate: (options: { port?: number }) => Promise<FakeLibreTranslate>;
};

const fake = await startFakeLibreTranslate({ port });
console.log(`fake LibreTranslate on ${fake.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void fake.close().finally(() => process.exit(0));
  });
}
