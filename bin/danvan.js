#!/usr/bin/env node
// The `danvan` command: runs the built CLI (build it with `npm run build`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = path.resolve(import.meta.dirname, '..', 'dist', 'server', 'cli', 'main.js');
if (!existsSync(entry)) {
  console.error('danvan: not built yet — run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(pathToFileURL(entry).href);
