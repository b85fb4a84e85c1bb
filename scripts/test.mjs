#!/usr/bin/env node
// `npm test`: typecheck, lint, build, the login-bundle and public-page budgets, the server and web tests on the
// embedded PostgreSQL (and again on TEST_DATABASE_URL when set), then the browser tests.
// Ends with one line `N passed, N failed` counting every test of every suite (each check that
// is not a test runner counts as one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const tmp = mkdtempSync(path.join(tmpdir(), 'danvan-testrun-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
// The names of the failed tests, printed again at the very end: CI shows only the tail of the log.
const failures = [];
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(name, cmd, args) {
  if (!want(name)) return;
  console.log(`\n=== ${name} ===`);
  const ok = run(cmd, args) === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
}

function vitest(name, project, env = {}) {
  if (!want(name)) return;
  console.log(`\n=== ${name} ===`);
  const out = path.join(tmp, `${name}.json`);
  const status = run(node, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
  if (!existsSync(out)) {
    totals.failed += 1;
    summary.push(`${name}: FAILED (the runner produced no report, exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that failed to load counts as a failure even though none of its tests ran.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
  const failed = report.numFailedTests + brokenFiles + (status !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  totals.passed += report.numPassedTests;
  totals.failed += failed;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    const rel = path.relative(root, file.name);
    const failedTests = file.assertionResults.filter((a) => a.status === 'failed');
    if (file.status === 'failed' && failedTests.length === 0) failures.push(`${name} ${rel}: ${firstLine(file.message) || 'the file failed to load'}`);
    for (const a of failedTests) failures.push(`${name} ${rel} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
  summary.push(`${name}: ${report.numPassedTests} passed, ${failed} failed, ${report.numPendingTests} skipped`);
}

function firstLine(text) {
  return String(text ?? '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? '';
}

const bin = (p) => path.join(root, 'node_modules', p);
check('typecheck', node, [bin('typescript/bin/tsc'), '-p', 'tsconfig.json']);
check('typecheck-web', node, [bin('typescript/bin/tsc'), '-p', 'web/tsconfig.json']);
check('lint', node, [bin('eslint/bin/eslint.js'), '.']);
check('build', node, [path.join(root, 'scripts/build.mjs')]);
check('login-bundle', node, [path.join(root, 'scripts/check-login-bundle.mjs')]);
check('public-bundle', node, [path.join(root, 'scripts/check-public-bundle.mjs')]);
vitest('server-embedded', 'server', { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) vitest('server-external', 'server', { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL });
vitest('e2e', 'e2e');

rmSync(tmp, { recursive: true, force: true });
console.log('\n=== summary ===');
for (const line of summary) console.log(line);
if (failures.length > 0) {
  console.log('\n=== failed tests ===');
  for (const line of failures) console.log(line);
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
