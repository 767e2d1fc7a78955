import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard: `web/` is the root, built to `dist/web/`, which `attain serve` serves at `/`. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev:api` runs the real API on 8787 (web/dev/serve.ts); a running `attain serve` can be used instead.
    proxy: { '/api': process.env.ATTAIN_API ?? 'http://127.0.0.1:8787' },
  },
});
