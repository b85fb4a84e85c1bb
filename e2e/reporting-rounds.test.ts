/**
 * Reporting rounds in the browser (docs/leadership-loop.md slice 5): a province's editor opens a
 * round for its communes (the quarter suggests the title); a commune's editor starts its report,
 * is offered a reload when someone else saved meanwhile, writes and submits; the province sees one
 * sent and the rest missing, drills down to the commune, is refused closing while units are still
 * due, returns the report with a reason the commune then reads, extends and excuses, and accepts
 * the corrected report; every child and participant goes on paper; a viewer of the province sees
 * no action. The pages on a phone do not scroll sideways, in Vietnamese and in Arabic. With
 * E2E_SCREENSHOTS=<dir> the pages are saved as rr-<page>-<width>-<language>.png there.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, typeDate, vietnamDay, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Dot-bao-cao-quy-III-2026';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
const NARRATIVE = 'Xã đã tổ chức 12 buổi đối thoại với Nhân dân, giải quyết dứt điểm 9 kiến nghị.';
const RESULTS = 'Triển khai mô hình "Dân vận khéo" ở 5 thôn; 100% chi bộ đăng ký thực hiện.';
const RETURN_REASON = 'Đề nghị bổ sung số liệu về các kiến nghị chưa giải quyết.';

type Unit = { id: string; name: string; kind: string; retired: boolean };
type Round = { id: string; version: number; status: string; counters: { expected: number; submitted: number; returned: number }; own: { submissionId: string | null } | null };
type Submission = { id: string; version: number; status: string; narrative: string | null };

/** A unit's name as the pages isolate it inside a sentence (web/features/reporting-rounds/round-words.ts). */
const isolated = (name: string) => `\u2068${name}\u2069`;

/** No table still loading, nor fading back in (a screenshot taken then shows the rows greyed out). */
async function settled(page: Page): Promise<void> {
  await eventually(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  await page.waitForTimeout(600);
}

async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, username, PASSWORD);
  return page;
}

describe('reporting rounds', () => {
  let browser: Browser;
  let admin: ApiSession;
  let province: { id: string; name: string };
  let commune: Unit;
  let communes: number;
  let provincePage: Page;
  let communePage: Page;
  let roundId: string;
  const title = `Báo cáo quý III/2026 (${TAG})`;
  const users = { province: `e2e-rr-tinh-${TAG}`, commune: `e2e-rr-xa-${TAG}`, viewer: `e2e-rr-xem-${TAG}` };

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const children = (await admin.get<{ items: Unit[] }>(`/api/units/${province.id}/children?limit=500`)).items.filter((u) => u.kind === 'commune' && !u.retired);
    communes = children.length;
    expect(communes).toBeGreaterThan(2);
    commune = children[0]!;
    // The province's template: the figures, then two parts the communes write.
    const template = await admin.send('POST', '/api/report-templates', {
      unitId: province.id,
      name: `Mẫu báo cáo công tác dân vận quý (${TAG})`,
      sections: [
        { key: 'figures', title: { vi: 'Số liệu', ar: 'الأرقام' }, kind: 'figures' },
        { key: 'results', title: { vi: 'Kết quả thực hiện', ar: 'نتائج التنفيذ' }, kind: 'text' },
        { key: 'difficulties', title: { vi: 'Khó khăn, vướng mắc' }, kind: 'text' },
      ],
    });
    expect(template.status).toBe(201);
    await createAccount(admin, users.province, province.id, 'editor', PASSWORD);
    await createAccount(admin, users.commune, commune.id, 'editor', PASSWORD);
    await createAccount(admin, users.viewer, province.id, 'viewer', PASSWORD);
    browser = await launchBrowser();
    provincePage = await signedInPage(browser, users.province);
    communePage = await signedInPage(browser, users.commune);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens a round for the province's communes; the quarter suggests the title", async () => {
    const page = provincePage;
    await page.goto('/reporting-rounds');
    await page.getByRole('heading', { name: text('vi', 'reportingRounds.title') }).waitFor();
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.reportingRounds') }).count()).toBe(1);
    await page.getByTestId('round-open').click();
    await typeDate(page, 'round-open_periodFrom', '01/07/2026');
    await typeDate(page, 'round-open_periodTo', '30/09/2026');
    await eventually(() => page.locator('#round-open_title').inputValue()).toBe(text('vi', 'reportingRounds.suggestedTitle.quarter', { quarter: 'III', year: '2026' }));
    await page.locator('#round-open_title').fill(title);
    await typeDate(page, 'round-open_dueOn', vietnamDay(20).typed);
    await pickOption(page, 'round-open_templateId', '', `Mẫu báo cáo công tác dân vận quý (${TAG})`);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'rr-open-1366-vi.png') });
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'reportingRounds.open.submit'), exact: true }).click();
    // Opening materializes a participant for each of the province's communes; on a freshly
    // loaded database, as the first test of a suite, that once took longer than the default wait.
    await page.waitForURL(/\/reporting-rounds\/\d+$/, { timeout: 45_000 });
    roundId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('round-title').filter({ hasText: title }).waitFor();
    expect(await page.getByTestId('counter-expected').getAttribute('data-value')).toBe(String(communes));
    expect(await page.getByTestId('counter-submitted').getAttribute('data-value')).toBe('0');
    expect(await page.getByTestId('total-missing').textContent()).toBe(String(communes));
  }, 120_000);

  it("lets a commune's editor start its report, reload after someone else's change, write and submit it", async () => {
    const page = communePage;
    await page.goto('/reporting-rounds');
    const row = page.locator('[data-testid="rounds-table"] .ant-table-row').filter({ hasText: title });
    await row.locator('[data-testid="own-state"][data-state="pending"]').waitFor();
    await row.getByTestId('own-submission').click();
    await page.waitForURL(new RegExp(`/reporting-rounds/${roundId}/submit/${commune.id}$`));
    await page.getByTestId('submission-start').click();
    await page.locator('[data-testid="submission"][data-status="draft"]').waitFor();
    // The template's parts in its order, the figures with the time they were taken.
    await page.getByTestId('section-figures').getByTestId('figures-at').waitFor();
    await page.getByTestId('section-results').getByRole('heading', { name: 'Kết quả thực hiện' }).waitFor();
    // Someone else saves the draft after the page loaded it.
    const round = await admin.get<Round>(`/api/reporting-rounds/${roundId}?unitId=${commune.id}`);
    const draft = await admin.get<Submission>(`/api/round-submissions/${round.own!.submissionId}`);
    expect((await admin.send('PATCH', `/api/round-submissions/${draft.id}`, { narrative: 'Bản của người khác', version: draft.version })).status).toBe(200);
    await page.getByTestId('submission-narrative').fill('Bản của tôi');
    await page.getByTestId('submission-save').click();
    await page.getByText(text('vi', 'reportingRounds.submission.conflict')).waitFor();
    await page.getByTestId('conflict-reload').click();
    await eventually(() => page.getByTestId('submission-narrative').inputValue()).toBe('Bản của người khác');
    // On the new version the commune's text goes through, and then the report is sent.
    await page.getByTestId('submission-narrative').fill(NARRATIVE);
    await page.getByTestId('submission-text-results').fill(RESULTS);
    await page.getByTestId('submission-save').click();
    await page.getByText(text('vi', 'reportingRounds.submission.saved')).waitFor();
    expect((await admin.get<Submission>(`/api/round-submissions/${draft.id}`)).narrative).toBe(NARRATIVE);
    await page.getByTestId('submission-submit').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'reportingRounds.submission.submit') }).click();
    await page.locator('[data-testid="submission"][data-status="submitted"]').waitFor();
    expect(await page.getByTestId('submission-save').count()).toBe(0);
    expect(await page.getByTestId('submission-text-results').textContent()).toBe(RESULTS);
    // The round from the commune: its own state, and no way up to the province it does not read.
    await page.getByRole('link', { name: text('vi', 'reportingRounds.submission.backToRound') }).click();
    await page.locator('[data-testid="own-participation"] [data-state="submitted"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('drill-up').count()).toBe(0);
  });

  it('shows the province one report sent and the rest missing, by commune, with what the commune wrote', async () => {
    const page = provincePage;
    await page.goto(`/reporting-rounds/${roundId}`);
    await page.getByTestId('round-title').filter({ hasText: title }).waitFor();
    expect(await page.getByTestId('counter-submitted').getAttribute('data-value')).toBe('1');
    expect(await page.getByTestId('total-onTime').textContent()).toBe('1');
    expect(await page.getByTestId('total-missing').textContent()).toBe(String(communes - 1));
    const participant = page.locator('[data-testid="participants-table"] .ant-table-row').filter({ hasText: commune.name });
    await participant.locator('[data-testid="participant-state"][data-state="submitted"]').waitFor();
    expect(await participant.textContent()).toContain(NARRATIVE);
    // A click on the commune counts its own units: the drill-down is in the URL.
    await page.locator(`[data-testid="drill-child"][data-unit-id="${commune.id}"]`).click();
    await page.waitForURL(new RegExp(`unitId=${commune.id}`));
    await page.getByRole('heading', { name: text('vi', 'reportingRounds.completeness.title', { unit: isolated(commune.name) }) }).waitFor();
    await eventually(() => page.locator('[data-testid="participants-table"] .ant-table-row').count()).toBe(1);
    await page.getByTestId('drill-up').click();
    await page.getByRole('heading', { name: text('vi', 'reportingRounds.completeness.title', { unit: isolated(province.name) }) }).waitFor();
    // The total "sent on time" opens its unit in the participants' list: the commune, and only it.
    await page.getByTestId('total-onTime').click();
    await page.waitForURL(/completeness=on_time/);
    await eventually(() => page.locator('[data-testid="participants-table"] .ant-table-row').count()).toBe(1);
    expect(await page.locator('[data-testid="participants-table"] .ant-table-row').first().textContent()).toContain(commune.name);
    await page.goto(`/reporting-rounds/${roundId}`);
  });

  it('refuses to close the round while communes are still due, and nothing changes', async () => {
    const page = provincePage;
    await page.getByTestId('round-close').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'reportingRounds.close') }).click();
    await page.getByText(text('vi', 'errors.ROUND_HAS_PENDING', { pending: String(communes - 1) })).waitFor();
    const round = await admin.get<Round>(`/api/reporting-rounds/${roundId}`);
    expect(round.status).toBe('open');
    expect(await page.getByTestId('round-status').getAttribute('data-status')).toBe('open');
  });

  it('returns the report with a reason, which the commune reads above its form', async () => {
    const page = provincePage;
    await page.goto(`/reporting-rounds/${roundId}?state=submitted`);
    const rows = page.locator('[data-testid="participants-table"] .ant-table-row');
    await eventually(() => rows.count()).toBe(1);
    await rows.first().getByTestId('participant-return').click();
    await page.locator('#submission-return_reason').fill(RETURN_REASON);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'reportingRounds.actions.return'), exact: true }).click();
    // The dialog closes once the return is saved and the round refetched: under a loaded machine
    // that took longer than the default 15 s once, so it gets the step's own margin.
    await page.locator('#submission-return').waitFor({ state: 'detached', timeout: 40_000 });
    await eventually(() => page.getByTestId('counter-returned').getAttribute('data-value')).toBe('1');
    await communePage.goto(`/reporting-rounds/${roundId}/submit/${commune.id}`);
    await communePage.locator('[data-testid="submission"][data-status="returned"]').waitFor();
    expect(await communePage.getByTestId('return-reason').textContent()).toContain(RETURN_REASON);
    // Returned, it is the commune's to correct again.
    expect(await communePage.getByTestId('submission-narrative').inputValue()).toBe(NARRATIVE);
  });

  it('extends one commune\'s due day and excuses another, which the counters and the list show', async () => {
    const page = provincePage;
    await page.goto(`/reporting-rounds/${roundId}?state=pending`);
    const rows = page.locator('[data-testid="participants-table"] .ant-table-row');
    await eventually(() => rows.count()).toBe(20);
    const [first, second] = [rows.nth(0), rows.nth(1)];
    const [extended, excused] = [await first.getAttribute('data-row-key'), await second.getAttribute('data-row-key')];
    await first.getByTestId('participant-extend').click();
    await typeDate(page, 'participant-extend_dueOn', vietnamDay(40).typed);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    // The completeness rows carry the units' ids too: look in the participants' table.
    const row = (unitId: string | null) => page.locator(`[data-testid="participants-table"] [data-row-key="${unitId}"]`);
    await row(extended).getByTestId('participant-extended').waitFor();
    await row(excused).getByTestId('participant-excuse').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'reportingRounds.actions.excuse') }).click();
    await eventually(() => page.getByTestId('counter-excused').getAttribute('data-value')).toBe('1');
    // Excused, it is no longer pending: it leaves this filtered list and is counted apart.
    await eventually(() => row(excused).count()).toBe(0);
    expect(await page.getByTestId('total-excused').textContent()).toBe('1');
  });

  it('takes the corrected report sent again, which the province accepts', async () => {
    await communePage.goto(`/reporting-rounds/${roundId}/submit/${commune.id}`);
    await communePage.locator('[data-testid="submission"][data-status="returned"]').waitFor();
    await communePage.getByTestId('submission-text-difficulties').fill('Còn 3 kiến nghị về đất đai đang chờ cấp huyện cũ bàn giao hồ sơ.');
    // Sending saves the unsaved text first, with the version the form stands on.
    await communePage.getByTestId('submission-submit').click();
    await communePage.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'reportingRounds.submission.submit') }).click();
    await communePage.locator('[data-testid="submission"][data-status="submitted"]').waitFor();
    expect(await communePage.getByTestId('submission-text-difficulties').textContent()).toContain('Còn 3 kiến nghị');
    const page = provincePage;
    await page.goto(`/reporting-rounds/${roundId}?state=submitted`);
    const row = page.locator(`[data-testid="participants-table"] [data-row-key="${commune.id}"]`);
    await row.getByTestId('participant-accept').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'reportingRounds.actions.accept') }).click();
    await eventually(() => row.count()).toBe(0);
    await page.goto(`/reporting-rounds/${roundId}?state=accepted`);
    await row.locator('[data-testid="participant-state"][data-state="accepted"]').waitFor();
    expect(await page.getByTestId('counter-submitted').getAttribute('data-value')).toBe('1');
  });

  it("lets the province download the round's composed report (DOCX) from the round page", async () => {
    const page = provincePage;
    await page.goto(`/reporting-rounds/${roundId}`);
    const link = page.getByRole('link', { name: text('vi', 'reportingRounds.document.download') });
    await link.waitFor();
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints every commune of the completeness and every participant, not the page on screen', async () => {
    const page = await signedInPage(browser, users.province);
    // The print dialog cannot open headless: a spy counts what would be printed, as print.test.ts does.
    await page.addInitScript(() => {
      type Spy = { __printed?: number[][]; print: () => void; dispatchEvent: (e: unknown) => void; Event: new (type: string) => unknown; document: { querySelectorAll: (s: string) => { length: number } } };
      const w = globalThis as unknown as Spy;
      w.print = () => {
        w.dispatchEvent(new w.Event('beforeprint'));
        const count = (table: string) => w.document.querySelectorAll(`[data-testid="${table}"] tbody tr.ant-table-row`).length;
        (w.__printed ??= []).push([count('completeness-table'), count('participants-table')]);
        w.dispatchEvent(new w.Event('afterprint'));
      };
    });
    await page.goto(`/reporting-rounds/${roundId}`);
    const participants = page.locator('[data-testid="participants-table"] .ant-table-row');
    await eventually(() => participants.count()).toBe(20);
    await page.getByTestId('print-button').click();
    await eventually(() => page.evaluate<number[][] | undefined>('globalThis.__printed')).toEqual([[communes, communes]]);
    // After the print dialog: the pages on screen again.
    await eventually(() => participants.count()).toBe(20);
    expect(await page.locator('[data-testid="completeness-table"] tbody tr.ant-table-row').count()).toBe(Math.min(communes, 50));
    await page.context().close();
  });

  it('gives a viewer of the province the round without any action', async () => {
    const page = await signedInPage(browser, users.viewer);
    await page.goto('/reporting-rounds');
    await page.locator('[data-testid="rounds-table"]').getByText(title).waitFor();
    expect(await page.getByTestId('round-open').count()).toBe(0);
    await page.goto(`/reporting-rounds/${roundId}`);
    await page.getByTestId('round-title').filter({ hasText: title }).waitFor();
    await page.locator('[data-testid="participants-table"] .ant-table-row').first().waitFor();
    for (const id of ['round-close', 'round-reopen', 'participant-extend', 'participant-excuse', 'participant-accept', 'participant-return', 'write-submission']) {
      expect(await page.getByTestId(id).count(), id).toBe(0);
    }
    await page.goto(`/reporting-rounds/${roundId}/submit/${commune.id}`);
    await page.locator('[data-testid="submission"][data-status="accepted"]').waitFor();
    for (const id of ['submission-save', 'submission-submit', 'submission-refresh', 'submission-accept', 'submission-return']) {
      expect(await page.getByTestId(id).count(), id).toBe(0);
    }
    await page.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    const page = provincePage;
    const provinceApi = await apiSignIn(users.province, PASSWORD);
    for (const locale of ['vi', 'ar'] as const) {
      expect((await provinceApi.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto('/reporting-rounds');
        await page.getByRole('heading', { name: text(locale, 'reportingRounds.title') }).waitFor();
        await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
        await page.getByText(title).first().waitFor();
        if (width === 390) {
          await page.locator('[data-testid="rounds-table"][data-layout="cards"]').waitFor();
          await expectNoSidewaysScroll(page, `the list in ${locale}`);
        }
        if (SCREENSHOTS) await settled(page);
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `rr-list-${width}-${locale}.png`), fullPage: true });
        await page.goto(`/reporting-rounds/${roundId}`);
        await page.getByTestId('round-title').filter({ hasText: title }).waitFor();
        await page.getByTestId('participants-table').waitFor();
        if (width === 390) await expectNoSidewaysScroll(page, `the round in ${locale}`);
        if (SCREENSHOTS) await settled(page);
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `rr-round-${width}-${locale}.png`), fullPage: true });
        await page.goto(`/reporting-rounds/${roundId}/submit/${commune.id}`);
        await page.getByTestId('submission').waitFor();
        if (width === 390) await expectNoSidewaysScroll(page, `the report in ${locale}`);
        if (SCREENSHOTS) await settled(page);
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `rr-report-${width}-${locale}.png`), fullPage: true });
      }
    }
  });
});
