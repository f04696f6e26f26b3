import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

/** Where `/api` and `/health` go, for the dev server and `vite preview` alike. */
const apiUrl = process.env.API_URL || 'http://localhost:8000';

const proxy: Record<string, ProxyOptions> = {
  '/api/': { target: apiUrl, changeOrigin: true },
  '/health': { target: apiUrl, changeOrigin: true },
};

/**
 * What the built page may do: load its own scripts and styles (nothing inline: index.html has no
 * inline script, and React sets styles through the DOM, which a policy does not govern), talk to its
 * own origin, and never be framed. deploy/nginx/web.conf.template sends the same headers. The dev
 * server (`npm run serve`, which `npm start` runs) sends none: React's fast refresh injects an inline script.
 */
const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: under it browsers send `Origin: null` on POST, PATCH and PUT, and the API checks Origin.
  'Referrer-Policy': 'same-origin',
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The shared contracts compile to CommonJS for Node; the browser takes their TypeScript source as ES modules.
    alias: [{ find: /^@call-scheduler\/shared$/, replacement: fileURLToPath(new URL('../libs/shared/src/index.ts', import.meta.url)) }],
  },
  server: { port: 3000, strictPort: true, proxy },
  // Only on the page and its files: what comes through the proxy (the API docs page) keeps its own headers.
  preview: { port: 3000, strictPort: true, proxy, headers: securityHeaders },
});
