import { defineConfig } from 'vitest/config';

// Unit tests cover pure helpers (phone, countries, i18n catalogues, API errors),
// so a Node environment is enough and keeps the run fast.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
