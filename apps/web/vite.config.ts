import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ with an SPA fallback in production; in development Vite serves
// the app and forwards /api to the server so cookies stay same-origin.
export default defineConfig({
  // plugin-react is hoisted next to the root's newer vite and so is typed against it;
  // it supports this workspace's vite 7 at runtime, only the declared types differ.
  plugins: [react() as unknown as PluginOption],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across deploys.
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('libphonenumber-js')) return 'phone';
          // hls.js is loaded on demand (only browsers without native HLS need it).
          if (/[\\/]hls\.js[\\/]/.test(id)) return 'hls';
          if (/[\\/](tus-js-client|js-base64|url-parse|requires-port|querystringify|combine-errors|lodash\.throttle|proper-lockfile|is-stream)[\\/]/.test(id))
            return 'tus';
          if (/[\\/](i18next|react-i18next|i18next-browser-languagedetector)[\\/]/.test(id)) return 'i18n';
          if (/[\\/](react-router|@tanstack)[\\/]/.test(id)) return 'router-query';
          return 'react';
        },
      },
    },
  },
});
