// Starts the server for the browser tests on a data directory wiped each run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.E2E_PORT ?? '3210';
const dataDir = path.join(os.tmpdir(), `qiao-e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);

// Translation goes to a fake LibreTranslate (the real wire format) on the next port.
const translatorPort = String(Number(port) + 1);
const translator = spawn(path.join(root, 'node_modules/.bin/tsx'), ['e2e/fake-translator.ts', translatorPort], {
  cwd: root,
  stdio: 'inherit',
});

const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: port,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    LIBRETRANSLATE_URL: `http://127.0.0.1:${translatorPort}`,
    // Two rulebooks, so a restriction in one (cn) can be seen not to reach the other.
    MODERATION_POLICY_FILE: path.join(root, 'e2e/moderation-policy.json'),
    // Every sign-in of the suite comes from 127.0.0.1, and some specs ask for codes through the
    // API, which cannot solve a proof-of-work challenge; the challenge has server tests of its own.
    SIGNIN_CHALLENGE_AT_BUDGET_PERCENT: '100',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill('SIGTERM');
    translator.kill('SIGTERM');
  });
}
translator.on('exit', (code) => {
  // Without its translator the translation test cannot pass; say why instead of timing out.
  if (code) console.error(`fake translator exited with code ${code}`);
});
child.on('exit', (code) => {
  translator.kill('SIGTERM');
  process.exit(code ?? 0);
});
