/**
 * The citizen's petition page on a phone: send a recommendation without signing in, keep the
 * tracking code and secret, look it up; a wrong secret says only "not found". Then an officer sees
 * it in the petitions list with the sender masked, records one at the desk and walks it a step,
 * records a dialogue conference whose commitment is then kept, and reads the year's days off.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

const TITLE = 'Đèn đường ngõ 7 bị hỏng nhiều ngày';

describe('public petition page', () => {
  let browser: Browser;
  let phone: Page;
  let officer: Page;
  let code = '';
  let secret = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(20_000);
    phone = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a recommendation without an account and shows the code and secret once', async () => {
    await phone.goto('/petition');
    await phone.getByRole('heading', { name: text('vi', 'petitions.public.title') }).waitFor();
    // Nothing wider than the phone's screen.
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await pickOption(phone, 'public-petition_provinceId', 'Hà Nội', 'Thành phố Hà Nội');
    await pickOption(phone, 'public-petition_categoryCode', '', 'Môi trường');
    await phone.locator('#public-petition_title').fill(TITLE);
    await phone.locator('#public-petition_content').fill('Đèn chiếu sáng ngõ 7 hỏng hơn một tuần, buổi tối rất tối, đề nghị sửa chữa.');
    await phone.locator('#public-petition_name').fill('Đỗ Thị Hạnh');
    await phone.locator('#public-petition_contact').fill('0911222333');
    await phone.locator('form#public-petition button[type="submit"]').click();
    await phone.getByTestId('tracking-code').waitFor();
    code = (await phone.getByTestId('tracking-code').textContent()) ?? '';
    secret = (await phone.getByTestId('tracking-secret').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(secret).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('looks the petition up with its code and secret, and says only "not found" for a wrong secret', async () => {
    await phone.getByRole('tab', { name: text('vi', 'petitions.public.tabLookup') }).click();
    await phone.locator('#petition-lookup_code').fill(code.toLowerCase());
    await phone.locator('#petition-lookup_secret').fill('AAAA-BBBB-CCCC');
    await phone.locator('form#petition-lookup button[type="submit"]').click();
    await eventually(() => phone.locator('.ant-alert-error').textContent()).toContain(text('vi', 'petitions.public.notFound'));
    await phone.locator('#petition-lookup_secret').fill(secret);
    await phone.locator('form#petition-lookup button[type="submit"]').click();
    await eventually(() => phone.getByTestId('lookup-result').textContent()).toContain(text('vi', 'petitions.status.received'));
  });

  it('shows the petition to an officer with the sender masked', async () => {
    officer = await newPage(browser);
    const page = officer;
    await signIn(page, 'admin', inject('adminPassword'));
    await page.goto('/petitions');
    const row = page.locator('.ant-table-row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đ*** T*** H***');
    expect(await row.textContent()).not.toContain('Đỗ Thị Hạnh');
  });

  it("records a petition at the desk, takes its first step, and reveals the sender to a holder of petitions.identity", async () => {
    const page = officer;
    await page.goto('/petitions/new');
    await pickOption(page, 'petition-intake_unitId', 'Ba Đình', 'Phường Ba Đình');
    await pickOption(page, 'petition-intake_kind', '', text('vi', 'petitions.kind.complaint'));
    await page.locator('#petition-intake_name').fill('Vũ Văn Long');
    await pickOption(page, 'petition-intake_categoryCode', '', 'Đất đai');
    await page.locator('#petition-intake_title').fill('Khiếu nại việc cấp giấy chứng nhận');
    await page.locator('#petition-intake_content').fill('Hồ sơ nộp đã quá hạn nhưng chưa được cấp giấy chứng nhận.');
    await page.locator('form#petition-intake button[type="submit"]').click();
    await page.getByRole('button', { name: text('vi', 'petitions.intake.openIt') }).click();
    await page.getByRole('button', { name: text('vi', 'petitions.actions.classify') }).click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await eventually(() => page.locator('.ant-timeline').textContent()).toContain(text('vi', 'petitions.actions.classify'));
    await eventually(() => page.locator('.ant-descriptions').first().textContent()).toContain(text('vi', 'petitions.status.classified'));
    // A system admin holds petitions.identity: revealing the sender is one click (and one audit record).
    await page.getByRole('button', { name: text('vi', 'petitions.revealIdentity') }).click();
    await eventually(() => page.getByTestId('identity').textContent()).toContain('Vũ Văn Long');
  });

  it('records a dialogue conference with a commitment and marks it done', async () => {
    const page = officer;
    await page.goto('/reception');
    await page.getByRole('button', { name: text('vi', 'reception.create') }).click();
    await pickOption(page, 'reception-session_unitId', 'Ba Đình', 'Phường Ba Đình');
    await page.locator('#reception-session_heldOn').click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-now-btn, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-today-btn').first().click();
    await page.locator('#reception-session_title').fill('Đối thoại về trật tự đô thị');
    await page.locator('#reception-session_presiding').fill('Chủ tịch UBND phường');
    await page.locator('#reception-session_issues_0_summary').fill('Lấn chiếm vỉa hè');
    await page.getByRole('button', { name: text('vi', 'reception.addCommitment') }).click();
    await page.locator('#reception-session_commitments_0_description').fill('Ra quân lập lại trật tự vỉa hè');
    await page.locator('#reception-session_commitments_0_owner').fill('Trưởng Công an phường');
    await page.locator('#reception-session_commitments_0_deadline').click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-now-btn, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-today-btn').first().click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/reception\/\d+/);
    await page.getByRole('button', { name: text('vi', 'reception.markDone') }).click();
    await eventually(() => page.locator('.ant-table').textContent()).toContain(text('vi', 'reception.states.done'));
  });

  it("lists the year's days off from the lunar calendar, with the digest on the petitions page", async () => {
    const page = officer;
    await page.goto('/holidays');
    await page.getByRole('spinbutton', { name: text('vi', 'holidays.year') }).fill('2026');
    await page.keyboard.press('Enter');
    const tet = page.locator('.ant-table-row').filter({ hasText: text('vi', 'holidays.names.tet') });
    await eventually(() => tet.count()).toBe(5);
    expect(await tet.first().textContent()).toContain('16/02/2026');
    await eventually(() => page.locator('.ant-table-row').filter({ hasText: '27/04/2026' }).textContent()).toContain(text('vi', 'holidays.compensatory'));
    await page.goto('/petitions');
    await page.locator('.ant-statistic').first().waitFor();
  });
});
