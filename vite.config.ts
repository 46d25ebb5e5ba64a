import { defineConfig } from 'vite';

// Preact without @preact/preset-vite (it needs babel): Vite's own oxc transformer compiles
// JSX to preact/jsx-runtime, which is all the SPA needs.
export default defineConfig({
  root: 'web',
  oxc: { jsx: { importSource: 'preact', runtime: 'automatic' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/signout': 'http://localhost:3000',
      '/_local': 'http://localhost:3000',
    },
  },
});
