import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';

const USERNAME = 'e2e-viewer';
const NEW_PASSWORD = 'Nguoi-xem-Ninh-Binh-2025';

describe('a viewer is refused edits', () => {
  let browser: Browser;
  let page: Page;
  let province: { id: string; name: string };
  let temporaryPassword: string;

  beforeAll(async () => {
    const admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const created = await admin.send<{ user: { id: string; mustChangePassword: boolean }; temporaryPassword: string | null }>('POST', '/api/users', {
      username: USERNAME,
      displayName: 'Người xem Ninh Bình',
      unitId: province.id,
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    expect(created.body.user.mustChangePassword).toBe(true);
    expect(created.body.temporaryPassword).toBeTruthy();
    temporaryPassword = created.body.temporaryPassword as string;
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('must replace the temporary password at first sign-in', async () => {
    await signIn(page, USERNAME, temporaryPassword);
    await page.waitForURL(/\/change-password/);
    // The app itself stays closed until the password is changed.
    await page.goto(`/units/${province.id}`);
    await page.waitForURL(/\/change-password/);
    await page.locator('#change-password_currentPassword').fill(temporaryPassword);
    await page.locator('#change-password_newPassword').fill(NEW_PASSWORD);
    await page.locator('#change-password_confirmPassword').fill(NEW_PASSWORD);
    await page.locator('form#change-password button[type="submit"]').click();
    // Into the app: its landing page is the dashboard.
    await page.waitForURL((url) => url.pathname.startsWith('/dashboard'));
  });

  it('sees the province but no edit action, and no admin menu', async () => {
    await page.goto(`/units/${province.id}`);
    await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(province.name);
    expect(await page.getByRole('link', { name: text('vi', 'units.addOrganization') }).count()).toBe(0);
    expect(await page.getByRole('link', { name: text('vi', 'units.rename') }).count()).toBe(0);
    const menu = page.locator('nav .ant-menu');
    expect(await menu.getByRole('link', { name: text('vi', 'nav.units') }).count()).toBe(1);
    expect(await menu.getByRole('link', { name: text('vi', 'nav.users') }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: text('vi', 'nav.audit') }).count()).toBe(0);
  });

  it('gets the permission-denied message on the add-organization page reached by URL', async () => {
    await page.goto(`/units/${province.id}/add-organization`);
    await expect.poll(() => page.locator('.ant-result').textContent()).toContain(text('vi', 'errors.FORBIDDEN'));
    expect(await page.locator('form#add-organization').count()).toBe(0);
  });

  it('gets the same message on the rename page and the users page', async () => {
    await page.goto(`/units/${province.id}/rename`);
    await expect.poll(() => page.locator('.ant-result').textContent()).toContain(text('vi', 'errors.FORBIDDEN'));
    await page.goto('/users');
    await expect.poll(() => page.locator('.ant-result').textContent()).toContain(text('vi', 'errors.FORBIDDEN'));
  });

  it('is refused by the server too when it calls the API itself', async () => {
    const refused = await page.evaluate(async (parentId) => {
      const response = await fetch('/api/units', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ parentId, kind: 'fatherland_front', name: 'Ủy ban Mặt trận Tổ quốc thử nghiệm' }),
      });
      return { status: response.status, body: (await response.json()) as { error?: { code?: string } } };
    }, province.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('FORBIDDEN');
  });
});
