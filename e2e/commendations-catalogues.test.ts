/**
 * Catalogues, unit implementers and one commendation in the browser: a province adds its own field
 * of entries (a bad code and a taken one are refused with clear messages), an entry is registered
 * in that field with a unit among its implementers, a commendation is changed on its own page (and
 * a change made meanwhile by someone else is reported as a conflict), and a filtered commendations
 * list keeps its filters across a reload. A commune's editor reads the province's commendation but
 * gets no edit button, and no Catalogues.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

const RUN = Date.now().toString(36);
const FIELD_CODE = `e2e_field_${RUN}`;
const FIELD_NAME = `Chuyển đổi số ${RUN}`;
const FORM_CODE = `e2e_form_${RUN}`;
const FORM_NAME = `Giấy khen thử ${RUN}`;
const TITLE = `Mô hình "Bình dân học vụ số" ${RUN}`;

describe('catalogues, unit implementers and a commendation', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let provinceId: string;
  let communeId: string;
  let entryId: string;
  let commendationId: string;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    provinceId = province.id;
    communeId = (await findChild(admin, province.id, 'Phường Hoa Lư')).id;
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a field for a province in Catalogues, refusing a bad code and a taken one', async () => {
    await page.goto('/entries');
    await page.getByRole('link', { name: text('vi', 'nav.catalogues') }).click();
    await page.waitForURL(/\/catalogues$/);
    await page.getByRole('button', { name: text('vi', 'catalogues.addField') }).click();
    await pickOption(page, 'entry-field_unitId', 'tinh ninh binh', 'Tỉnh Ninh Bình');
    await page.locator('#entry-field_code').fill('Chuyển đổi số');
    await page.locator('#entry-field_names_vi').fill(FIELD_NAME);
    await page.locator('#entry-field_names_en').fill(`Digital transformation ${RUN}`);
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.getByText(text('vi', 'catalogues.codeFormat')).first().waitFor();

    await page.locator('#entry-field_code').fill(FIELD_CODE);
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    const table = page.getByTestId('entry-fields-table');
    await table.getByText(FIELD_NAME).waitFor();
    // The row names the province (its name arrives after the list).
    await eventually(() => table.locator('tr', { hasText: FIELD_NAME }).textContent()).toContain('Tỉnh Ninh Bình');

    // The same code again: the server's ALREADY_EXISTS, naming the code, is shown on the form, and nothing is added.
    await page.getByRole('button', { name: text('vi', 'catalogues.addField') }).click();
    await pickOption(page, 'entry-field_unitId', 'tinh ninh binh', 'Tỉnh Ninh Bình');
    await page.locator('#entry-field_code').fill(FIELD_CODE);
    await page.locator('#entry-field_names_vi').fill(`${FIELD_NAME} (lần hai)`);
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.getByRole('alert').filter({ hasText: text('vi', 'errors.alreadyExists.code', { code: FIELD_CODE }) }).waitFor();
    await page.getByText(text('vi', 'catalogues.alreadyExists')).waitFor();
    await page.getByRole('button', { name: text('vi', 'common.cancel') }).click();
    const fields = await admin.get<{ items: { code: string }[] }>(`/api/entry-fields?unitId=${communeId}`);
    expect(fields.items.filter((f) => f.code === FIELD_CODE)).toHaveLength(1);
  });

  it('registers an entry in the new field, implemented by a unit and a person', async () => {
    await page.goto('/entries/new');
    await pickOption(page, 'entry_registeringUnitId', 'phuong hoa lu', 'Phường Hoa Lư, Tỉnh Ninh Bình');
    await page.locator('#entry_year').fill('2026');
    await pickOption(page, 'entry_level', '', text('vi', 'entries.level.commune'));
    await page.locator('#entry_title').fill(TITLE);
    await pickOption(page, 'entry_fieldCode', '', FIELD_NAME);
    await page.getByTestId('add-implementer-unit').click();
    await pickOption(page, 'entry_implementerUnits_0_unitId', 'tay hoa lu', 'Phường Tây Hoa Lư, Tỉnh Ninh Bình');
    await page.locator('#entry_people').fill('Trần Văn Bình');
    await page.locator('#entry_people').press('Enter');
    await page.getByTestId('entry-save').click();
    await page.waitForURL(/\/entries\/\d+$/);
    entryId = /\/entries\/(\d+)$/.exec(page.url())![1]!;

    const implementers = page.getByTestId('entry-implementers');
    const unitLink = implementers.getByRole('link', { name: 'Phường Tây Hoa Lư' });
    await unitLink.waitFor();
    expect(await implementers.textContent()).toBe('Phường Tây Hoa Lư; Trần Văn Bình');
    const saved = await admin.get<{ fieldCode: string; implementers: ({ unitId: string } | { personName: string })[] }>(`/api/entries/${entryId}`);
    expect(saved.fieldCode).toBe(FIELD_CODE);
    const unitImplementer = saved.implementers.find((i): i is { unitId: string } => 'unitId' in i);
    expect(await unitLink.getAttribute('href')).toBe(`/units/${unitImplementer!.unitId}`);
    expect(saved.implementers).toHaveLength(2);
  });

  it('shows a commendation on its own page and saves a change to it', async () => {
    expect((await admin.send('POST', '/api/commendation-forms', { code: FORM_CODE, names: { vi: FORM_NAME } })).status).toBe(201);
    const created = await admin.send<{ id: string }>('POST', '/api/commendations', {
      recipientKind: 'collective',
      unitId: communeId,
      issuingUnitId: provinceId,
      formCode: FORM_CODE,
      decisionNumber: `01/QĐ-UBND-${RUN}`,
      decisionDate: '2026-01-10',
      year: 2026,
      entryIds: [entryId],
    });
    expect(created.status).toBe(201);
    commendationId = created.body.id;

    // From the list, filtered to this form, to the detail page.
    await page.goto(`/commendations?formCode=${FORM_CODE}`);
    await page.getByRole('link', { name: 'Phường Hoa Lư' }).click();
    await page.waitForURL(new RegExp(`/commendations/${commendationId}$`));
    await eventually(() => page.getByTestId('commendation-decision').textContent()).toBe(text('vi', 'commendations.decisionOf', { number: `01/QĐ-UBND-${RUN}`, date: '10/01/2026' }));
    const fields = page.getByTestId('commendation-fields');
    expect(await fields.textContent()).toContain(FORM_NAME);
    expect(await fields.textContent()).toContain('Tỉnh Ninh Bình');
    expect(await page.getByTestId('commendation-entries').getByRole('link', { name: TITLE }).getAttribute('href')).toBe(`/entries/${entryId}`);

    await page.getByRole('button', { name: text('vi', 'commendations.edit') }).click();
    await page.locator('#commendation-edit_decisionNumber').fill(`02/QĐ-UBND-${RUN}`);
    await page.locator('#commendation-edit_reason').fill('Có cách làm hay, lan toả trong toàn phường');
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await eventually(() => page.getByTestId('commendation-decision').textContent()).toBe(text('vi', 'commendations.decisionOf', { number: `02/QĐ-UBND-${RUN}`, date: '10/01/2026' }));
    await page.getByText('Có cách làm hay, lan toả trong toàn phường').waitFor();
    const saved = await admin.get<{ decisionNumber: string; version: number }>(`/api/commendations/${commendationId}`);
    expect(saved.decisionNumber).toBe(`02/QĐ-UBND-${RUN}`);
  });

  it('reports a change made meanwhile by someone else, and saves after a reload', async () => {
    await page.getByRole('button', { name: text('vi', 'commendations.edit') }).click();
    const current = await admin.get<{ version: number }>(`/api/commendations/${commendationId}`);
    expect((await admin.send('PATCH', `/api/commendations/${commendationId}`, { version: current.version, reason: 'Sửa bởi người khác' })).status).toBe(200);
    await page.locator('#commendation-edit_decisionNumber').fill(`03/QĐ-UBND-${RUN}`);
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.getByText(text('vi', 'commendations.conflictTitle')).waitFor();
    await page.getByRole('button', { name: text('vi', 'common.reload') }).click();
    // The form reopens on the other person's change; the user's number is entered again.
    await eventually(() => page.locator('#commendation-edit_reason').inputValue()).toBe('Sửa bởi người khác');
    expect(await page.locator('#commendation-edit_decisionNumber').inputValue()).toBe(`02/QĐ-UBND-${RUN}`);
    await page.locator('#commendation-edit_decisionNumber').fill(`03/QĐ-UBND-${RUN}`);
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await eventually(() => page.getByTestId('commendation-decision').textContent()).toBe(text('vi', 'commendations.decisionOf', { number: `03/QĐ-UBND-${RUN}`, date: '10/01/2026' }));
    const saved = await admin.get<{ decisionNumber: string; reason: string }>(`/api/commendations/${commendationId}`);
    expect(saved).toMatchObject({ decisionNumber: `03/QĐ-UBND-${RUN}`, reason: 'Sửa bởi người khác' });
  });

  it('keeps the filters of the commendations list in the URL across a reload and back', async () => {
    await page.goto('/commendations');
    const formFilter = page.getByRole('combobox', { name: text('vi', 'commendations.form') });
    await formFilter.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: FORM_NAME }).click();
    await page.waitForURL((url) => url.searchParams.get('formCode') === FORM_CODE);
    await page.getByRole('textbox', { name: text('vi', 'commendations.year') }).fill('2026');
    await page.getByRole('textbox', { name: text('vi', 'commendations.year') }).press('Tab');
    await page.waitForURL((url) => url.searchParams.get('year') === '2026');
    const rows = page.locator('main .ant-table-row');
    await eventually(() => rows.count()).toBe(1);

    await page.reload();
    expect(new URL(page.url()).searchParams.get('formCode')).toBe(FORM_CODE);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2026');
    await eventually(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Phường Hoa Lư');
    // The form filter shows the chosen form by name again.
    await eventually(() => page.locator('main .ant-select').filter({ has: page.getByRole('combobox', { name: text('vi', 'commendations.form') }) }).textContent()).toContain(FORM_NAME);
    expect(await page.getByRole('textbox', { name: text('vi', 'commendations.year') }).inputValue()).toBe('2026');

    // Back: the year filter goes, the form filter stays.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('year') === null && url.searchParams.get('formCode') === FORM_CODE);
  });

  it("shows a commune editor the province's commendation without an edit button, and no Catalogues", async () => {
    const username = `e2e-editor-${RUN}`;
    const password = 'Bien-tap-Hoa-Lu-2026!';
    const created = await admin.send<{ temporaryPassword: string }>('POST', '/api/users', { username, displayName: 'Biên tập viên Hoa Lư', unitId: communeId, role: 'editor' });
    expect(created.status).toBe(201);
    const editor = await apiSignIn(username, created.body.temporaryPassword);
    expect((await editor.send('POST', '/api/auth/me/password', { currentPassword: created.body.temporaryPassword, newPassword: password })).status).toBe(200);
    // The server agrees with the hidden button: data.write on the commune is not data.write on the issuing province.
    const current = await editor.get<{ version: number }>(`/api/commendations/${commendationId}`);
    expect((await editor.send('PATCH', `/api/commendations/${commendationId}`, { version: current.version, reason: 'x' })).status).toBe(403);

    const editorPage = await newPage(browser);
    await signIn(editorPage, username, password);
    await editorPage.goto(`/commendations/${commendationId}`);
    // A first visit loads the page's code on a busy machine: more patience than the default 15 s.
    await editorPage.getByTestId('commendation-title').waitFor({ timeout: 45_000 });
    await eventually(() => editorPage.getByTestId('commendation-decision').textContent()).toBe(text('vi', 'commendations.decisionOf', { number: `03/QĐ-UBND-${RUN}`, date: '10/01/2026' }));
    // The check waits for the issuing unit's ancestors; give it the time the admin's page needed to show its button.
    await editorPage.getByTestId('commendation-fields').getByRole('link', { name: 'Tỉnh Ninh Bình' }).waitFor();
    await editorPage.waitForLoadState('networkidle');
    expect(await editorPage.getByRole('button', { name: text('vi', 'commendations.edit') }).count()).toBe(0);
    const menu = editorPage.locator('nav .ant-menu');
    expect(await menu.getByRole('link', { name: text('vi', 'nav.commendations') }).count()).toBe(1);
    expect(await menu.getByRole('link', { name: text('vi', 'nav.catalogues') }).count()).toBe(0);
    await editorPage.goto('/catalogues');
    await editorPage.getByText(text('vi', 'errors.forbiddenTitle')).waitFor();
    await editorPage.context().close();
  });
});
