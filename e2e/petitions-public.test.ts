/**
 * The citizen's petition page on a phone: find a place typed without diacritics, consent to the
 * data-protection notice, send a recommendation without signing in, keep the receipt (download,
 * print) with the tracking code and secret, look it up; a wrong secret says only "not found". Then
 * an officer sees it in the petitions list with the sender masked, records one at the desk (its
 * receipt, reprinted later without the secret; refused to an officer of another province) and
 * walks it a step, records a dialogue conference whose commitment is then kept, and reads the
 * year's days off.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

const TITLE = 'Đèn đường ngõ 7 bị hỏng nhiều ngày';
const OUTSIDER_PASSWORD = 'Can-bo-Ninh-Binh-2026';

describe('public petition page', () => {
  let browser: Browser;
  let phone: Page;
  let officer: Page;
  let code = '';
  let secret = '';
  let deskPetitionId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(20_000);
    phone = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a recommendation without an account: a place typed without diacritics, the consent it asks for, the receipt', async () => {
    await phone.goto('/petition');
    await phone.getByRole('heading', { name: text('vi', 'petitions.public.title'), level: 1 }).waitFor();
    // Nothing wider than the phone's screen.
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // A portal's page: who runs it (no agency configured here: the default name), the time limits in words.
    expect(await phone.getByTestId('portal-agency').textContent()).toBe(text('vi', 'portal.defaultAgency'));
    const tenWorkingDays = text('vi', 'petitions.limitWords.working_other', { count: '10' });
    await eventually(() => phone.getByTestId('time-limit-recommendation').textContent()).toContain(text('vi', 'petitions.limitWords.recommendation', { duration: tenWorkingDays }));
    // "ha noi" finds "Thành phố Hà Nội": diacritics and case folded, as the staff pickers do.
    const province = phone.locator('#public-petition_provinceId');
    await province.click();
    await province.pressSequentially('ha noi', { delay: 20 });
    // The options of the list box the field owns (the language picker's options are not among them).
    const options = phone.locator(`[id="${await province.getAttribute('aria-controls')}"]`).getByRole('option');
    await eventually(() => options.allTextContents()).toEqual(['Thành phố Hà Nội']);
    await options.first().click();
    expect(await province.inputValue()).toBe('Thành phố Hà Nội');
    await phone.locator('#public-petition_categoryCode').selectOption({ label: 'Môi trường' });
    await phone.locator('#public-petition_title').fill(TITLE);
    await phone.locator('#public-petition_content').fill('Đèn chiếu sáng ngõ 7 hỏng hơn một tuần, buổi tối rất tối, đề nghị sửa chữa.');
    await phone.locator('#public-petition_name').fill('Đỗ Thị Hạnh');
    await phone.locator('#public-petition_contact').fill('0911222333');
    // Without consent to the data-protection notice nothing is sent: the notice says why, and the box has the focus.
    const send = phone.locator('form#public-petition button[type="submit"]');
    await send.click();
    await phone.getByText(text('vi', 'portal.notice.consentRequired')).waitFor();
    expect(await phone.evaluate<string | undefined>('document.activeElement?.id')).toBe('public-petition_consent');
    expect(await phone.getByTestId('tracking-code').count()).toBe(0);
    await phone.locator('#public-petition_consent').check();
    await send.click();
    await phone.getByTestId('tracking-code').waitFor();
    code = (await phone.getByTestId('tracking-code').textContent()) ?? '';
    secret = (await phone.getByTestId('tracking-secret').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(secret).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The receipt: dates as officers write them, the limit in words, where and how to look it up.
    const receipt = (await phone.getByTestId('petition-receipt').textContent()) ?? '';
    expect(receipt).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(receipt).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(receipt).toContain(text('vi', 'petitions.limitWords.recommendation', { duration: tenWorkingDays }));
    expect(receipt).toContain(text('vi', 'petitions.receipt.howTo', { url: `${inject('baseUrl')}/petition` }));
    expect(receipt).toContain(text('vi', 'petitions.receipt.keepSecret'));
  });

  it('lets the citizen download the receipt, and prints the receipt alone', async () => {
    const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: text('vi', 'petitions.receipt.download') }).click()]);
    expect(download.suggestedFilename()).toBe(`${text('vi', 'petitions.receipt.fileName')}-${code}.txt`);
    const saved = await readFile((await download.path())!, 'utf8');
    expect(saved).toContain(`${text('vi', 'petitions.receipt.code')}: ${code}`);
    expect(saved).toContain(`${text('vi', 'petitions.receipt.secret')}: ${secret}`);
    expect(saved).toContain(text('vi', 'petitions.receipt.title').toLocaleUpperCase('vi'));
    // On paper: the receipt, without the page's header, buttons and time-limit card.
    await phone.emulateMedia({ media: 'print' });
    try {
      expect(await phone.getByTestId('petition-receipt').isVisible()).toBe(true);
      expect(await phone.locator('.portal-header').isVisible()).toBe(false);
      expect(await phone.getByRole('button', { name: text('vi', 'petitions.receipt.print') }).isVisible()).toBe(false);
      expect(await phone.getByTestId('time-limit-recommendation').isVisible()).toBe(false);
    } finally {
      await phone.emulateMedia({ media: 'screen' });
    }
  });

  it('looks the petition up with its code and secret, and says only "not found" for a wrong secret', async () => {
    await phone.getByRole('tab', { name: text('vi', 'petitions.public.tabLookup') }).click();
    await phone.locator('#petition-lookup_code').fill(code.toLowerCase());
    await phone.locator('#petition-lookup_secret').fill('AAAA-BBBB-CCCC');
    await phone.locator('form#petition-lookup button[type="submit"]').click();
    await eventually(() => phone.locator('form#petition-lookup [role="alert"]').textContent()).toContain(text('vi', 'petitions.public.notFound'));
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
    // The receipt to hand over: the secret this once, with Print beside it.
    await page.getByTestId('tracking-secret').waitFor();
    expect(await page.getByTestId('tracking-code').textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.getByRole('button', { name: text('vi', 'petitions.receipt.print') }).isVisible()).toBe(true);
    await page.getByRole('button', { name: text('vi', 'petitions.intake.openIt') }).click();
    await page.waitForURL(/\/petitions\/\d+$/);
    deskPetitionId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: text('vi', 'petitions.actions.classify') }).click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await eventually(() => page.locator('.ant-timeline').textContent()).toContain(text('vi', 'petitions.actions.classify'));
    await eventually(() => page.locator('.ant-descriptions').first().textContent()).toContain(text('vi', 'petitions.status.classified'));
    // A system admin holds petitions.identity: revealing the sender is one click (and one audit record).
    await page.getByRole('button', { name: text('vi', 'petitions.revealIdentity') }).click();
    await eventually(() => page.getByTestId('identity').textContent()).toContain('Vũ Văn Long');
  });

  it('prints the receipt again from the petition, saying the secret is not given twice', async () => {
    const page = officer;
    await page.getByRole('link', { name: text('vi', 'petitions.receipt.open') }).click();
    await page.waitForURL(new RegExp(`/petitions/${deskPetitionId}/receipt$`));
    await page.getByTestId('petition-receipt').waitFor();
    const receipt = (await page.getByTestId('petition-receipt').textContent()) ?? '';
    expect(receipt).toContain(text('vi', 'petitions.receipt.secretNotShown'));
    expect(receipt).toContain('Phường Ba Đình');
    expect(await page.getByTestId('tracking-secret').count()).toBe(0);
  });

  it('refuses the receipt of a petition to an officer who may not read it, in the officer\'s language', async () => {
    const admin = await apiSignIn('admin', inject('adminPassword'));
    const ninhBinh = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const created = await admin.send<{ temporaryPassword: string | null }>('POST', '/api/users', {
      username: 'e2e-receipt-outsider',
      displayName: 'Cán bộ Ninh Bình',
      unitId: ninhBinh.id,
      role: 'editor',
    });
    expect(created.status).toBe(201);
    const outsider = await newPage(browser);
    await signIn(outsider, 'e2e-receipt-outsider', created.body.temporaryPassword!);
    await outsider.waitForURL(/\/change-password/);
    await outsider.locator('#change-password_currentPassword').fill(created.body.temporaryPassword!);
    await outsider.locator('#change-password_newPassword').fill(OUTSIDER_PASSWORD);
    await outsider.locator('#change-password_confirmPassword').fill(OUTSIDER_PASSWORD);
    await outsider.locator('form#change-password button[type="submit"]').click();
    await outsider.waitForURL((url) => !url.pathname.startsWith('/change-password'));
    await outsider.goto(`/petitions/${deskPetitionId}/receipt`);
    await eventually(() => outsider.getByRole('alert').first().textContent()).toContain(text('vi', 'errors.NOT_FOUND'));
    expect(await outsider.getByTestId('petition-receipt').count()).toBe(0);
    expect(await outsider.getByTestId('tracking-code').count()).toBe(0);
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
    await page.getByRole('textbox', { name: text('vi', 'holidays.year') }).fill('2026');
    await page.keyboard.press('Enter');
    const tet = page.locator('.ant-table-row').filter({ hasText: text('vi', 'holidays.names.tet') });
    await eventually(() => tet.count()).toBe(5);
    expect(await tet.first().textContent()).toContain('16/02/2026');
    await eventually(() => page.locator('.ant-table-row').filter({ hasText: '27/04/2026' }).textContent()).toContain(text('vi', 'holidays.compensatory'));
    await page.goto('/petitions');
    await page.locator('.ant-statistic').first().waitFor();
  });
});
