import { defineConfig } from 'vitest/config';

// `npx vitest` at the root runs the server's and the web app's suites together.
export default defineConfig({
  test: {
    projects: ['apps/server', 'apps/web'],
  },
});
