// @ts-nocheck
// 
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The dashboard: web/ built into dist/web (hashed assets under /assets/, served by src/server/plugins/web.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true, assetsDir: 'assets', sourcemap: false, target: 'es2022' },
});
