import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/** Where `/api` and `/health` go, for the dev server and `vite preview` alike. */
const apiUrl = process.env.API_URL || 'http://localhost:8000';

const proxy: Record<string, ProxyOptions> = {
  '/api/': { target: apiUrl, changeOrigin: true },
  '/health': { target: apiUrl, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  server: { port: 3000, strictPort: true, proxy },
  preview: { port: 3000, strictPort: true, proxy },
});
