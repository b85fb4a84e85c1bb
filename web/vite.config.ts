import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { portalCatalog } from './vite-portal-catalog';
import { precompress } from './vite-precompress';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '..');

/** `vite` (dev) answers /petition with the public page's document, as the server does (server/app.ts). */
function publicPageInDev(): Plugin {
  return {
    name: 'danvan-public-page-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/petition' || req.url?.startsWith('/petition?')) req.url = req.url.replace('/petition', '/petition.html');
        next();
      });
    },
  };
}

export default defineConfig(({ command, mode }) => {
  // A production build stays one even when the caller's NODE_ENV says otherwise (Vitest sets it
  // to "test" for the e2e global setup): React, antd and the JSX transform would ship their
  // development code. Vite reads NODE_ENV after loading this file, as its docs advise.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
    root: webRoot,
    plugins: [react(), portalCatalog(path.join(webRoot, 'locales')), precompress(), publicPageInDev()],
    server: {
      port: 5173,
      proxy: { '/api': 'http://localhost:3000' },
      // The web app imports shared shapes from ../common.
      fs: { allow: [repoRoot] },
    },
    build: {
      outDir: path.join(repoRoot, 'dist', 'web'),
      emptyOutDir: true,
      manifest: true,
      target: 'es2022',
      // Each route is its own chunk (see app/router.tsx); scripts/check-login-bundle.mjs keeps the
      // sign-in screen's share small, so the warning about big lazy chunks is not useful here.
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        // Two documents: the staff app, and the public petition page with its own small bundle
        // (no antd, no router; scripts/check-public-bundle.mjs keeps it under its budget).
        input: { main: path.join(webRoot, 'index.html'), petition: path.join(webRoot, 'petition.html') },
        output: {
          codeSplitting: {
            // Zod and app/zod-config.ts in one chunk: every chunk that defines a schema imports it, so
            // `jitless` is set before any schema is built (Zod probes `new Function` when an object
            // schema is created, which the Content-Security-Policy reports as a violation).
            groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|app[\\/]zod-config\.ts$/, priority: 100 }],
          },
        },
      },
    },
  };
});
