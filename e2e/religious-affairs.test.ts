/**
 * Ethnic and religious affairs in the browser (docs/situation.md §9): an editor of a province adds
 * a prestigious person of a Mường village with a Tết support row; the register shows the name
 * masked and no button to reveal it; an approver of the province sees the same masked name with
 * "Xem danh tính", reveals it, and the read is in the audit trail. The page fits a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { pickOption } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Dan-toc-ton-giao-2026';
const NAME = 'Quách Văn Thịnh';
const MASKED = 'Q*** V*** T***';
const VILLAGE = `Xóm Mường Đồi ${TAG}`;

describe('prestigious persons: masked for an editor, revealed by an approver', () => {
  let browser: Browser;
  let admin: ApiSession;
  let province: { id: string; name: string };
  const editor = `e2e-ra-editor-${TAG}`;
  const approver = `e2e-ra-approver-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    await createAccount(admin, editor, province.id, 'editor', PASSWORD);
    await createAccount(admin, approver, province.id, 'approver', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (page: Page) => {
    await page.goto(`/religious-affairs?tab=persons&unitId=${province.id}&q=${encodeURIComponent(VILLAGE)}`);
    await page.getByRole('heading', { name: text('vi', 'religiousAffairs.title') }).waitFor();
  };

  it('lets an editor add a person, then shows the name masked', async () => {
    const page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
    await open(page);
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.religiousAffairs') }).count()).toBe(1);
    await page.getByTestId('register-create').click();
    await page.locator('#religious-register_name').fill(NAME);
    await pickOption(page, 'religious-register_ethnicCode', 'Mường', 'Mường');
    await page.locator('#religious-register_village').fill(VILLAGE);
    await page.locator('#religious-register_recognizedYear').fill('2024');
    await page.locator('#religious-register_decision').fill('Quyết định số 112/QĐ-UBND ngày 12/3/2024 của UBND huyện Nho Quan');
    await pickOption(page, 'religious-register_decidingUnitId', 'Ninh Bình', province.name);
    await page.getByTestId('add-support').click();
    await page.getByTestId('register-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    const row = page.getByTestId('register-persons').locator('tr', { hasText: VILLAGE });
    await row.getByTestId('masked-name').waitFor();
    expect(await row.getByTestId('masked-name').textContent()).toBe(MASKED);
    expect(await page.getByText(NAME).count()).toBe(0);
    expect(await row.getByTestId('reveal-identity').count()).toBe(0);
    await page.context().close();
  });

  it('lets an approver reveal it, and audits the read', async () => {
    const page = await newPage(browser);
    await signIn(page, approver, PASSWORD);
    await open(page);
    const row = page.getByTestId('register-persons').locator('tr', { hasText: VILLAGE });
    await row.getByTestId('masked-name').waitFor();
    expect(await row.getByTestId('masked-name').textContent()).toBe(MASKED);
    await row.getByTestId('reveal-identity').click();
    await row.getByTestId('identity-name').waitFor();
    expect(await row.getByTestId('identity-name').textContent()).toContain(NAME);
    const audit = await admin.get<{ items: { action: string; actorUsername: string | null }[] }>('/api/audit?action=situation.identity.read&limit=20');
    expect(audit.items.some((a) => a.actorUsername === approver)).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'the register of prestigious persons');
    await page.context().close();
  });
});
