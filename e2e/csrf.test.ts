/**
 * Cross-site request forgery from a second origin of the same site (another port on 127.0.0.1:
 * SameSite=Lax cookies go along): while the administrator is signed in, a hostile page tries a
 * text/plain form that disables a user, a no-cors multipart fetch that imports an entry, and a
 * form that signs out. Each is refused and changes nothing; the same actions from the app's own
 * pages still work.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IMPORT_COLUMNS } from '../server/documents/entries-columns.js';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';

const TAG = `giamao${Date.now().toString(36)}`;

async function workbook(title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đăng ký');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  const row: Record<string, string | number> = { unit: 'Phường Hoa Lư, Tỉnh Ninh Bình', level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2026, title };
  ws.addRow(IMPORT_COLUMNS.map((c) => row[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The attacker's pages, on another port of the same host. */
function hostileServer(app: string, victimId: string, file: Buffer): Promise<{ server: Server; origin: string }> {
  const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
  const pages: Record<string, string> = {
    // The body `{"x":"=…"}` is JSON enough for a parser that takes text/plain.
    '/disable': page(`<form method="POST" enctype="text/plain" action="${app}/api/users/${victimId}/disable"><input name='{"x":"' value='"}'></form><script>document.forms[0].submit()</script>`),
    '/logout': page(`<form method="POST" action="${app}/api/auth/logout"></form><script>document.forms[0].submit()</script>`),
    // The same upload as a multipart form (a file put in the input by script): the tab shows the answer.
    '/import-form': page(`<form method="POST" enctype="multipart/form-data" action="${app}/api/entries/import"><input type="file" name="file"></form><script>
      fetch('/workbook.xlsx').then((r) => r.blob()).then((blob) => {
        const files = new DataTransfer();
        files.items.add(new File([blob], 'dang-ky.xlsx'));
        document.forms[0].file.files = files.files;
        document.forms[0].submit();
      });
    </script>`),
    '/import': page(`<script>
      fetch('/workbook.xlsx').then((r) => r.blob()).then((blob) => {
        const form = new FormData();
        form.append('file', blob, 'dang-ky.xlsx');
        return fetch('${app}/api/entries/import', { method: 'POST', mode: 'no-cors', credentials: 'include', body: form });
      }).then(() => { document.title = 'sent'; }, (e) => { document.title = 'failed ' + e; });
    </script>`),
  };
  const server = createServer((req, res) => {
    if (req.url === '/workbook.xlsx') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
    const html = pages[req.url ?? ''];
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('cross-site request forgery from another origin of the same site', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let hostile: { server: Server; origin: string };
  let victim: { id: string };
  let file: Buffer;
  const app = inject('baseUrl');

  const isDisabled = async () => (await admin.get<{ disabled: boolean }>(`/api/users/${victim.id}`)).disabled;
  const countTagged = async () => (await admin.get<{ total: number }>(`/api/entries?q=${TAG}`)).total;
  /** A request from the app's own page, as its API client makes them. */
  const fromApp = (method: string, path: string, body?: string) =>
    page.evaluate(
      async ([m, p, b]) => (await fetch(p!, { method: m, credentials: 'same-origin', ...(b === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: b }) })).status,
      [method, path, body] as const,
    );

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const created = await admin.send<{ user: { id: string } }>('POST', '/api/users', { username: `e2e-nan-nhan-${TAG}`, displayName: 'Nạn nhân', unitId: province.id, role: 'viewer' });
    expect(created.status).toBe(201);
    victim = created.body.user;
    file = await workbook(`Mô hình ${TAG}`);
    hostile = await hostileServer(app, victim.id, file);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => hostile?.server.close(resolve));
  });

  it('refuses the text/plain form that would disable a user', async () => {
    await page.goto(`${hostile.origin}/disable`);
    // The form navigated the tab to the API's answer.
    await page.waitForURL(`${app}/api/users/${victim.id}/disable`);
    expect(await page.locator('body').textContent()).toContain('CROSS_SITE_REQUEST');
    expect(await isDisabled()).toBe(false);
  });

  it('refuses the no-cors multipart fetch, and the multipart form, that would import an entry', async () => {
    await page.goto(`${hostile.origin}/import`);
    await page.waitForFunction(() => (globalThis as unknown as { document: { title: string } }).document.title !== '');
    // The refusal is not readable (an opaque answer, which Cross-Origin-Resource-Policy even turns into a network error): the data tell.
    expect(await page.title()).toMatch(/^(sent|failed TypeError)/);
    await page.goto(`${hostile.origin}/import-form`);
    await page.waitForURL(`${app}/api/entries/import`);
    expect(await page.locator('body').textContent()).toContain('CROSS_SITE_REQUEST');
    expect(await countTagged()).toBe(0);
  });

  it('refuses the form that would sign the officer out', async () => {
    await page.goto(`${hostile.origin}/logout`);
    await page.waitForURL(`${app}/api/auth/logout`);
    expect(await page.locator('body').textContent()).toContain('CROSS_SITE_REQUEST');
    await page.goto('/dashboard');
    expect(await fromApp('GET', '/api/auth/me')).toBe(200);
  });

  it('lets the app\'s own pages do all three', async () => {
    await page.goto('/dashboard');
    expect(await fromApp('POST', `/api/users/${victim.id}/disable`, '{}')).toBe(200);
    expect(await isDisabled()).toBe(true);
    const imported = await page.evaluate(async (base64) => {
      const form = new FormData();
      form.append('file', new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]), 'dang-ky.xlsx');
      return (await fetch('/api/entries/import', { method: 'POST', credentials: 'same-origin', body: form })).status;
    }, file.toString('base64'));
    expect(imported).toBe(200);
    expect(await countTagged()).toBe(1);
    expect(await fromApp('POST', '/api/auth/logout', '{}')).toBe(200);
    expect(await fromApp('GET', '/api/auth/me')).toBe(401);
  });
});
