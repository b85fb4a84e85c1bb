/**
 * Grassroots democracy in the browser (docs/grassroots-democracy.md §5): an officer of a Ninh Bình
 * commune records the publication of the commune's budget estimate, is told when the date of
 * publication is before the document's, asks for the public page; the item shows as published;
 * the officer attaches a photo of the notice board; an approver of the province finds the
 * publication in the review queue and approves it, and the citizens' route then shows it — without
 * the photo. On the province, the items tab asks for a commune while the figures work. The page
 * fits a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, typeDate } from './support/browser.js';
import { text } from './support/catalog.js';
import { pickOption } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Dan-chu-co-so-2026';
const TITLE = `Nghị quyết dự toán ngân sách xã năm 2026 ${TAG}`;
const F = 'grassroots-publications';
const PHOTO = 'anh-bang-tin-' + TAG + '.jpg';
// A JPEG by its first bytes: the server decides the type by content.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF'), Buffer.alloc(64, 7)]);

describe('a commune publishes its budget estimate, reviewed before it goes public', () => {
  let browser: Browser;
  let admin: ApiSession;
  let commune: { id: string; name: string };
  let province: { id: string; name: string };
  const editor = `e2e-gr-editor-${TAG}`;
  const approver = `e2e-gr-approver-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const children = await admin.get<{ items: { id: string; name: string; kind: string; retired: boolean }[] }>(`/api/units/${province.id}/children?limit=500`);
    commune = children.items.find((u) => u.kind === 'commune' && !u.retired)!;
    await createAccount(admin, editor, commune.id, 'editor', PASSWORD);
    await createAccount(admin, approver, province.id, 'approver', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (page: Page, tab: string) => {
    await page.goto(`/grassroots?tab=${tab}&unitId=${commune.id}&year=2026`);
    await page.getByRole('heading', { name: text('vi', 'grassroots.title') }).waitFor();
  };
  const row = (page: Page) => page.getByTestId('grassroots-publications').locator('tr', { hasText: TAG });

  it('refuses a publication dated before its document, then records it and asks for the public page', async () => {
    const page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
    await open(page, 'publications');
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.grassroots') }).count()).toBe(1);
    await page.getByTestId('grassroots-create').click();
    await pickOption(page, `${F}_itemCode`, 'Dự toán', 'Dự toán, tình hình thực hiện dự toán');
    await page.locator(`#${F}_documentTitle`).fill(TITLE);
    await typeDate(page, `${F}_documentDate`, '05/01/2026');
    await pickOption(page, `${F}_forms`, 'Niêm yết', 'Niêm yết tại trụ sở');
    await page.keyboard.press('Escape');
    await typeDate(page, `${F}_publishedOn`, '02/01/2026');
    await page.locator(`#${F}_public`).check();
    await page.getByTestId('grassroots-save').click();
    await page.getByText(text('vi', 'grassroots.errors.before_document')).waitFor();
    await typeDate(page, `${F}_publishedOn`, '10/01/2026');
    await page.getByTestId('grassroots-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await row(page).waitFor();
    expect(await row(page).textContent()).toContain(text('vi', 'grassroots.publicStates.pending'));
    await open(page, 'items');
    expect(await page.getByTestId('item-state-budget').textContent()).toBe(text('vi', 'grassroots.itemStates.published'));
    expect(await page.getByTestId('item-state-socioeconomic_plan').textContent()).toBe(text('vi', 'grassroots.itemStates.never'));
    await page.context().close();
  });

  it('attaches a photo of the notice board to the publication, refusing a file that is not what its name says', async () => {
    const page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
    await open(page, 'publications');
    await row(page).locator('[data-testid^="files-"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(text('vi', 'evidenceFiles.notPublic')).waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: PHOTO, mimeType: 'image/jpeg', buffer: JPEG });
    await dialog.getByTestId('evidence-file').filter({ hasText: PHOTO }).waitFor();
    const href = await dialog.getByRole('link', { name: PHOTO }).getAttribute('href');
    const file = await page.request.get(href!);
    expect([file.status(), file.headers()['content-type']]).toEqual([200, 'image/jpeg']);
    await dialog.locator('input[type=file]').setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: JPEG });
    await dialog.getByText(text('vi', 'errors.UNSUPPORTED_FILE')).waitFor();
    expect(await dialog.getByTestId('evidence-file').count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await row(page).locator('[data-testid^="files-"]').textContent()).toBe(text('vi', 'evidenceFiles.count', { n: '1' }));
    await page.context().close();
  });

  it('shows it to citizens only once an approver has approved it', async () => {
    const publicTitles = async () => {
      const res = await fetch(`${inject('baseUrl')}/api/public/grassroots?unitId=${commune.id}`);
      return ((await res.json()) as { publications: { documentTitle: string }[] }).publications.map((p) => p.documentTitle);
    };
    expect(await publicTitles()).not.toContain(TITLE);
    const page = await newPage(browser);
    await signIn(page, approver, PASSWORD);
    // The province's approver finds it in the queue of what waits for review under the province.
    await page.goto(`/grassroots?tab=review&unitId=${province.id}`);
    await page.getByRole('heading', { name: text('vi', 'grassroots.title') }).waitFor();
    await row(page).waitFor();
    await row(page).getByRole('button', { name: text('vi', 'grassroots.review.approve') }).click();
    // Approved, it leaves the queue.
    await row(page).waitFor({ state: 'detached' });
    expect(await publicTitles()).toContain(TITLE);
    // The public answer carries the publication, never its evidence.
    const answer = await (await fetch(`${inject('baseUrl')}/api/public/grassroots?unitId=${commune.id}`)).text();
    expect(answer).not.toContain(PHOTO);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'the grassroots publications');
    await page.context().close();
  });

  it('asks for a commune on the province\'s items tab, while the province\'s figures work', async () => {
    const page = await newPage(browser);
    await signIn(page, approver, PASSWORD);
    await page.goto(`/grassroots?tab=items&unitId=${province.id}&year=2026`);
    const empty = page.getByTestId('grassroots-choose-commune');
    await empty.getByText(text('vi', 'grassroots.chooseCommune', { unit: province.name })).waitFor();
    expect(await page.getByTestId('grassroots-items').count()).toBe(0);
    await empty.getByTestId('grassroots-to-figures').click();
    await page.getByTestId('grassroots-figures').getByText(commune.name).first().waitFor();
    // Choosing a commune from the empty state lists its items.
    await page.goto(`/grassroots?tab=items&unitId=${province.id}&year=2026`);
    await empty.waitFor();
    await pickOption(page, 'grassroots-commune-picker', commune.name.split(' ').slice(1).join(' '), commune.name);
    await page.getByTestId('item-state-budget').waitFor();
    await page.context().close();
  });
});
