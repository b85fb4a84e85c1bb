import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '..');

export default defineConfig(({ command, mode }) => {
  // A production build stays one even when the caller's NODE_ENV says otherwise (Vitest sets it
  // to "test" for the e2e global setup): React, antd and the JSX transform would ship their
  // development code. Vite reads NODE_ENV after loading this file, as its docs advise.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
    root: webRoot,
    plugins: [react()],
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
    },
  };
});
