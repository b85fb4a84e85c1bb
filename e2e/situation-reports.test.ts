/**
 * Situation reports in the browser (docs/situation.md "Situation reports as built"): a province
 * opens a round whose template has a situation section; a commune's editor writes the situation
 * part (an item on land, tense, with its groups), is refused sending it empty, saves and sends the
 * round's report; the province sees the round's completeness move and the quarter's summary count
 * the commune under the topic. The summary page does not scroll sideways on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, vietnamDay } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';
import { expectNoSidewaysScroll, newPhonePage } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Tinh-hinh-nhan-dan-2026';
const SAYS = 'Một số hộ dân bức xúc về giá bồi thường khi mở rộng tuyến đường tỉnh';

type Unit = { id: string; name: string; kind: string; retired: boolean };
type Summary = { topics: { topic: string; current: { troubled: number; tense: number } }[] };

/** The quarter before today's (Viet Nam): the round's period and the summary's quarter. */
function lastQuarter() {
  const today = vietnamDay(0).iso;
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const [year, quarter] = q === 1 ? [y - 1, 4] : [y, q - 1];
  const m = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, m + 2, 0)).getUTCDate();
  return { year, quarter, from: `${year}-${String(m).padStart(2, '0')}-01`, to: `${year}-${String(m + 2).padStart(2, '0')}-${last}` };
}

describe('situation reports', () => {
  let browser: Browser;
  let admin: ApiSession;
  let province: { id: string; name: string };
  let commune: Unit;
  let roundId: string;
  let communePage: Page;
  let provincePage: Page;
  const period = lastQuarter();
  const users = { province: `e2e-sr-tinh-${TAG}`, commune: `e2e-sr-xa-${TAG}` };

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const children = (await admin.get<{ items: Unit[] }>(`/api/units/${province.id}/children?limit=500`)).items.filter((u) => u.kind === 'commune' && !u.retired);
    commune = children[children.length - 1]!;
    const template = await admin.send<{ id: string }>('POST', '/api/report-templates', {
      unitId: province.id,
      name: `Mẫu báo cáo tình hình nhân dân quý (${TAG})`,
      sections: [
        { key: 'situation', title: { vi: 'Tình hình nhân dân' }, kind: 'situation' },
        { key: 'results', title: { vi: 'Kết quả thực hiện' }, kind: 'text' },
      ],
    });
    expect(template.status).toBe(201);
    const round = await admin.send<{ id: string }>('POST', '/api/reporting-rounds', {
      openingUnitId: province.id,
      templateId: template.body.id,
      title: `Báo cáo tình hình nhân dân quý ${period.quarter}/${period.year} (${TAG})`,
      periodFrom: period.from,
      periodTo: period.to,
      dueOn: vietnamDay(20).iso,
      targetKinds: ['commune'],
    });
    expect(round.status).toBe(201);
    roundId = round.body.id;
    await createAccount(admin, users.province, province.id, 'editor', PASSWORD);
    await createAccount(admin, users.commune, commune.id, 'editor', PASSWORD);
    browser = await launchBrowser();
    communePage = await newPage(browser);
    await signIn(communePage, users.commune, PASSWORD);
    provincePage = await newPage(browser);
    await signIn(provincePage, users.province, PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets a commune write the round's situation part and send it with the report", async () => {
    const page = communePage;
    await page.goto(`/reporting-rounds/${roundId}/submit/${commune.id}`);
    await page.getByTestId('submission-start').click();
    await page.locator('[data-testid="submission"][data-status="draft"]').waitFor();
    const part = page.getByTestId('section-situation');
    await part.getByTestId('situation-editor').waitFor();
    expect(await part.getByTestId('situation-help').textContent()).toBe(text('vi', 'situation.form.help'));
    // Sent without an item: refused, and the report stays a draft.
    await page.getByTestId('submission-submit').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'reportingRounds.submission.submit') }).click();
    await page.getByText(text('vi', 'situation.errors.noItems')).first().waitFor();
    expect(await page.locator('[data-testid="submission"]').getAttribute('data-status')).toBe('draft');
    // One item: land, tense, farmers and the elderly.
    await part.getByTestId('situation-item-add').click();
    await pickOption(page, 'situation-item-0-topic', '', 'Đất đai, giải phóng mặt bằng');
    await pickOption(page, 'situation-item-0-groups', '', 'Nông dân');
    await page.keyboard.press('Escape');
    await part.getByTestId('situation-item-mood').getByText(text('vi', 'situation.moods.tense')).click();
    await part.getByTestId('situation-item-summary').fill(SAYS);
    await part.getByTestId('situation-item-proposals').fill('Đề nghị tổ chức đối thoại, công khai phương án bồi thường');
    await part.getByTestId('situation-item-sources').fill('Qua sinh hoạt chi hội nông dân');
    await part.getByTestId('situation-save').click();
    await page.getByText(text('vi', 'situation.form.saved')).first().waitFor();
    await page.getByTestId('submission-submit').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'reportingRounds.submission.submit') }).click();
    await page.locator('[data-testid="submission"][data-status="submitted"]').waitFor();
    // Sent, the part reads as sent.
    await eventually(() => part.getByTestId('situation-item').count()).toBe(1);
    expect(await part.getByTestId('situation-item').textContent()).toContain(SAYS);
  });

  it("shows the province the round's completeness and the quarter's summary with the commune's topic", async () => {
    const page = provincePage;
    await page.goto(`/reporting-rounds/${roundId}`);
    await eventually(() => page.getByTestId('counter-submitted').getAttribute('data-value')).toBe('1');
    await page.goto(`/situation-summary?unitId=${province.id}&year=${period.year}&quarter=${period.quarter}`);
    await page.getByRole('heading', { name: text('vi', 'situation.summary.title') }).waitFor();
    const api = await admin.get<Summary>(`/api/situation/summary?unitId=${province.id}&year=${period.year}&quarter=${period.quarter}`);
    const land = api.topics.find((x) => x.topic === 'land')!;
    expect(land.current.tense).toBeGreaterThanOrEqual(1);
    await eventually(() => page.getByTestId('summary-troubled-land').textContent()).toBe(String(land.current.troubled));
    expect(await page.getByTestId('situation-summary-proposals').textContent()).toContain('Đề nghị tổ chức đối thoại');
    expect(await page.getByTestId('situation-summary-children').textContent()).toContain(commune.name);
    // The menu leads to the list, where the commune's report is.
    await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.situation') }).click();
    await page.getByRole('heading', { name: text('vi', 'situation.title') }).waitFor();
    await page.goto(`/situation-reports?unitId=${province.id}&topic=land&mood=tense`);
    await page.locator('[data-testid="situation-table"]').getByText(commune.name).first().waitFor();
  });

  it('fits the summary on a phone', async () => {
    const phone = await newPhonePage(browser);
    await signIn(phone, users.province, PASSWORD);
    await phone.goto(`/situation-summary?unitId=${province.id}&year=${period.year}&quarter=${period.quarter}`);
    await phone.getByTestId('situation-summary-topics').waitFor();
    await expectNoSidewaysScroll(phone, 'the situation summary');
    await phone.close();
  });
});
