import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.KEEL_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': api },
  },
});
