#!/usr/bin/env node
/**
 * Merges translation keys into web/locales/<lang>.json: `node scripts/i18n-merge.mjs keys.json`
 * where keys.json is { "vi": { "reports": { … } }, "en": { … }, … }. New keys are appended,
 * existing ones replaced; each locale file is read and written at once so that several people
 * adding keys side by side do not overwrite each other's.
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/i18n-merge.mjs <keys.json>');
  process.exit(2);
}
const patch = JSON.parse(readFileSync(file, 'utf8'));
const dir = path.resolve(import.meta.dirname, '..', 'web', 'locales');

function merge(target, source) {
  for (const [k, v] of Object.entries(source)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') merge(target[k], v);
    else target[k] = v;
  }
}

for (const [lang, keys] of Object.entries(patch)) {
  const target = path.join(dir, `${lang}.json`);
  const json = JSON.parse(readFileSync(target, 'utf8'));
  merge(json, keys);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(json, null, 2)}\n`);
  renameSync(tmp, target);
  console.log(`${lang}: merged`);
}
