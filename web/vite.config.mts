import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

/** Where `/api` and `/health` go, for the dev server and `vite preview` alike. */
const apiUrl = process.env.API_URL || 'http://localhost:8000';

const proxy: Record<string, ProxyOptions> = {
  '/api/': { target: apiUrl, changeOrigin: true },
  '/health': { target: apiUrl, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The shared contracts compile to CommonJS for Node; the browser takes their TypeScript source as ES modules.
    alias: [{ find: /^@call-scheduler\/shared$/, replacement: fileURLToPath(new URL('../libs/shared/src/index.ts', import.meta.url)) }],
  },
  server: { port: 3000, strictPort: true, proxy },
  preview: { port: 3000, strictPort: true, proxy },
});
