/**
 * Hotspots in the browser (docs/situation.md §7): a commune's editor files a flash report of a
 * gathering, adds an update moving it to "đang xử lý"; a status going back asks for a reason. The
 * province's approver finds it in the work queue ("Điểm nóng, vụ việc phức tạp"), opens the list the
 * count opens, acknowledges the report, and the case leaves the queue (the count and the list
 * agree). An edit made meanwhile by someone else is offered as a reload. The list and the case fit a phone in Vietnamese and in Arabic.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Diem-nong-dan-van-2026';
const TITLE = `Các hộ dân tụ tập trước trụ sở xã (${TAG})`;

type Unit = { id: string; name: string };
type Queue = { units: { unit: { id: string }; hotspots: number }[] };

async function choose(page: Page, inputId: string, label: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first();
  await option.waitFor();
  await option.click();
}

describe('hotspots: flash report, update, acknowledgement and the work queue', () => {
  let browser: Browser;
  let page: Page;
  let approverApi: ApiSession;
  let editorApi: ApiSession;
  let province: Unit;
  let commune: Unit;
  let hotspotId: string;
  const editor = `e2e-hs-editor-${TAG}`;
  const approver = `e2e-hs-approver-${TAG}`;

  beforeAll(async () => {
    const admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    commune = (await admin.get<{ items: Unit[] }>(`/api/units/${province.id}/children?kind=commune&limit=1`)).items[0]!;
    editorApi = await createAccount(admin, editor, commune.id, 'editor', PASSWORD);
    approverApi = await createAccount(admin, approver, province.id, 'approver', PASSWORD);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
  });
  afterAll(async () => {
    await editorApi?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('files the flash report from the commune', async () => {
    await page.goto('/hotspots');
    await page.getByRole('heading', { name: text('vi', 'hotspots.title') }).waitFor();
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.hotspots') }).count()).toBe(1);
    await page.getByTestId('hotspot-create').click();
    await page.waitForURL(/\/hotspots\/new$/);
    // Without place and kind the form says so and sends nothing.
    await page.locator('#hotspot_title').fill(TITLE);
    await page.locator('#hotspot_summary').fill('Khoảng 40 người dân tụ tập, đề nghị công khai phương án bồi thường làm đường liên xã.');
    await page.getByTestId('hotspot-submit').click();
    await eventually(() => page.getByText(text('vi', 'hotspots.form.required')).count()).toBeGreaterThanOrEqual(2);
    expect(page.url()).toMatch(/\/hotspots\/new$/);
    await page.locator('#hotspot_place').fill('Thôn Bắc, trụ sở Ủy ban nhân dân xã');
    await choose(page, 'hotspot_kind', 'Tụ tập đông người');
    await page.locator('#hotspot_peopleCount').fill('40');
    // The responsible units offered are the commune and those above it.
    await choose(page, 'hotspot_responsibleUnitIds', province.name);
    await page.getByTestId('hotspot-submit').click();
    await page.waitForURL(/\/hotspots\/\d+$/);
    hotspotId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('hotspot-title').filter({ hasText: TITLE }).waitFor();
    expect(await page.getByTestId('hotspot-status').textContent()).toBe(text('vi', 'hotspots.status.emerging'));
    expect(await page.getByTestId('hotspot-update').count()).toBe(1);
    expect(await page.getByTestId('hotspot-fields').textContent()).toContain(province.name);
    // The commune does not acknowledge its own report: the level above does.
    expect(await page.getByTestId('hotspot-acknowledge').count()).toBe(0);
  });

  it('adds an update moving the case forward; going back asks for a reason', async () => {
    await page.locator('#hotspot-update_text').fill('Đã mời đại diện các hộ dân đối thoại tại hội trường xã.');
    await choose(page, 'hotspot-update_status', text('vi', 'hotspots.status.handling'));
    await page.getByTestId('hotspot-update-submit').click();
    await eventually(() => page.getByTestId('hotspot-update').count()).toBe(2);
    await eventually(() => page.getByTestId('hotspot-status').textContent()).toBe(text('vi', 'hotspots.status.handling'));
    await choose(page, 'hotspot-update_status', text('vi', 'hotspots.status.emerging'));
    await page.getByTestId('hotspot-update-reason-input').waitFor();
  });

  it('offers a reload when someone else changed the case meanwhile', async () => {
    const current = await editorApi.get<{ version: number }>(`/api/hotspots/${hotspotId}`);
    expect((await editorApi.send('PATCH', `/api/hotspots/${hotspotId}`, { place: 'Nhà văn hóa thôn Bắc', version: current.version })).status).toBe(200);
    await page.getByTestId('hotspot-edit').click();
    await page.locator('#hotspot-edit_place').fill('Trụ sở Ủy ban nhân dân xã');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.getByText(text('vi', 'hotspots.conflictTitle')).waitFor();
    await page.getByTestId('hotspot-reload').click();
    await eventually(() => page.getByTestId('hotspot-fields').textContent()).toContain('Nhà văn hóa thôn Bắc');
  });

  it('shows it in the province’s work queue until the province acknowledges it', async () => {
    const approverPage = await newPage(browser);
    await signIn(approverPage, approver, PASSWORD);
    const count = async () => (await approverApi.get<Queue>('/api/work-queue')).units.find((u) => u.unit.id === province.id)!.hotspots;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await approverPage.goto('/work-queue');
    const row = approverPage.getByTestId(`work-queue-hotspots.action.${province.id}`);
    await eventually(() => row.getByTestId('work-queue-count').textContent()).toBe(String(before));
    await row.click();
    await approverPage.waitForURL(/\/hotspots\?/);
    await approverPage.getByTestId('hotspots-queue-filter').waitFor();
    // The list the count opens holds as many cases as the count says.
    await eventually(() => approverPage.locator('[data-testid="hotspots-table"] .ant-table-row').count()).toBe(Math.min(before, 20));
    await approverPage.getByTestId('hotspot-link').filter({ hasText: TITLE }).click();
    await approverPage.waitForURL(new RegExp(`/hotspots/${hotspotId}$`));
    await approverPage.getByTestId('hotspot-acknowledge').click();
    await eventually(() => approverPage.getByTestId('hotspot-acknowledge').count()).toBe(0);
    await eventually(() => approverPage.getByTestId('hotspot-update').count()).toBe(3);
    await eventually(count).toBe(before - 1);
    await approverPage.goto(`/hotspots?unitId=${province.id}&queue=action`);
    await approverPage.getByTestId('hotspots-queue-filter').waitFor();
    await approverPage.waitForLoadState('networkidle');
    expect(await approverPage.getByTestId('hotspot-link').filter({ hasText: TITLE }).count()).toBe(0);
    await approverPage.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    for (const locale of ['vi', 'ar'] as const) {
      expect((await editorApi.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        const pages: [string, string, () => Promise<void>][] = [
          ['list', `/hotspots?unitId=${commune.id}`, () => page.getByTestId('hotspot-link').filter({ hasText: TITLE }).first().waitFor()],
          ['case', `/hotspots/${hotspotId}`, () => page.getByTestId('hotspot-timeline').waitFor()],
          ['new', '/hotspots/new', () => page.getByTestId('hotspot-submit').waitFor()],
        ];
        for (const [name, url, ready] of pages) {
          await page.goto(url);
          await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
          await ready();
          await page.waitForLoadState('networkidle');
          if (width === 390) await expectNoSidewaysScroll(page, `the ${name} page in ${locale}`);
        }
      }
    }
  });
});
