import { defineConfig } from 'vite';

/**
 * The dashboard is built into web/dist and served by the service itself
 * (src/dashboard), so it runs on the API's origin under a CSP of 'self':
 * nothing inline, nothing from elsewhere.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser we support preloads modules itself; the polyfill would be an extra script.
    modulePreload: { polyfill: false },
    // Inlined assets would be data: URLs, which the CSP refuses.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev:web` beside `npm start`: the page from Vite, the API from the service.
    proxy: { '/v1': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
