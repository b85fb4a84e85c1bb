/**
 * The built app under its own Content-Security-Policy (server/http/security-headers.ts): the
 * sign-in page, the dashboard with its charts, the public petition page and the API documentation
 * load and work with no violation reported, and no page may be framed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';

describe('the Content-Security-Policy', () => {
  let browser: Browser;
  let page: Page;
  const refused: string[] = [];

  /** Violations the page reports (its own event) and the console's "Refused to …" lines. */
  const violations = async () => [...refused, ...(await page.evaluate<string[]>('window.__cspViolations ?? []'))];

  beforeAll(async () => {
    // One entry registered this year, so that the dashboard has charts to draw.
    const admin = await apiSignIn('admin', inject('adminPassword'));
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const entry = { registeringUnitId: province.id, level: 'province', kind: 'model', form: 'collective', fieldCode: 'economic', year: new Date().getFullYear(), title: 'Mô hình dưới chính sách bảo mật' };
    const created = await admin.send<{ id: string; version: number }>('POST', '/api/entries', entry);
    expect(created.status).toBe(201);
    expect((await admin.send('POST', `/api/entries/${created.body.id}/actions/submit`, { version: created.body.version })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    // Injected by the browser's debugging protocol, which the page's policy does not govern.
    await page.context().addInitScript(`
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
    `);
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is sent with the app, and forbids framing and inline scripts', async () => {
    const response = await page.goto('/login');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers['x-frame-options']).toBe('DENY');
  });

  it('lets the sign-in page and the dashboard with its charts run without a violation', async () => {
    await signIn(page, 'admin', inject('adminPassword'));
    // An administrator opens on the work queue (docs/work-queue.md); the dashboard is a click away.
    await page.waitForURL((url) => url.pathname.startsWith('/work-queue'));
    await page.getByTestId('work-queue-entries').waitFor();
    await page.goto('/dashboard');
    // ECharts draws SVG; antd writes its styles into <style> elements.
    await page.locator('[data-testid="chart-field"] svg').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('lets the public petition page run without a violation', async () => {
    await page.goto('/petition');
    await page.locator('form').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('lets the API documentation render its operations without a violation', async () => {
    await page.goto('/api/docs/');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('keeps the app out of another page\'s frame', async () => {
    await page.setContent(`<iframe src="${inject('baseUrl')}/login"></iframe>`);
    await expect.poll(() => refused.some((line) => /frame-ancestors|X-Frame-Options/i.test(line)), { timeout: 15_000 }).toBe(true);
    // The blocked frame shows the browser's error page, never the app.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.locator('form#login').count()).toBe(0);
  });
});
