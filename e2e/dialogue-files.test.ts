/**
 * A dialogue conference's evidence files in the browser (docs/grassroots-democracy.md §7): the
 * commune's editor uploads the photo of the posted results on the conference's card, choosing its
 * purpose first, and the scan of the minutes; a viewer of the province downloads them but has no
 * upload or remove; the editor removes one and it leaves the card.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Minh-chung-doi-thoai-2026';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF'), Buffer.alloc(64, 3)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 5)]);

describe('the evidence files of a dialogue conference', () => {
  let browser: Browser;
  let editorApi: ApiSession;
  let sessionId: string;
  const editor = `e2e-df-editor-${TAG}`;
  const viewer = `e2e-df-viewer-${TAG}`;

  beforeAll(async () => {
    const admin = await apiSignIn('admin', inject('adminPassword'));
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const commune = (await admin.get<{ items: { id: string }[] }>(`/api/units/${province.id}/children?kind=commune&limit=1`)).items[0]!;
    editorApi = await createAccount(admin, editor, commune.id, 'editor', PASSWORD);
    await createAccount(admin, viewer, province.id, 'viewer', PASSWORD);
    const created = await editorApi.send<{ id: string }>('POST', '/api/reception-sessions', {
      kind: 'dialogue',
      unitId: commune.id,
      heldOn: '2026-06-15',
      title: `Hội nghị đối thoại với Nhân dân (${TAG})`,
      presiding: 'Chủ tịch UBND xã',
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads the results\' photo and the minutes with their purpose, and removes one', async () => {
    const page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
    await page.goto(`/reception/${sessionId}`);
    const files = page.getByTestId('dialogue-files');
    await files.getByText(text('vi', 'evidenceFiles.none')).waitFor();
    await files.getByTestId('evidence-purpose').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text('vi', 'evidenceFiles.purposes.results') }).click();
    await files.locator('input[type=file]').setInputFiles({ name: 'anh-niem-yet-ket-qua.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    const photo = files.getByTestId('evidence-file').filter({ hasText: 'anh-niem-yet-ket-qua.jpg' });
    await photo.waitFor();
    expect(await photo.textContent()).toContain(text('vi', 'evidenceFiles.purposes.results'));
    await files.getByTestId('evidence-purpose').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text('vi', 'evidenceFiles.purposes.minutes') }).click();
    await files.locator('input[type=file]').setInputFiles({ name: 'bien-ban-hoi-nghi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await files.getByTestId('evidence-file').filter({ hasText: 'bien-ban-hoi-nghi.pdf' }).waitFor();
    expect(await files.getByTestId('evidence-file').count()).toBe(2);

    await photo.getByRole('button', { name: text('vi', 'evidenceFiles.remove') }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'common.confirm') }).click();
    await photo.waitFor({ state: 'detached' });
    const left = (await editorApi.get<{ items: { fileName: string; purpose: string }[] }>(`/api/reception-sessions/${sessionId}/files`)).items;
    expect(left.map((f) => [f.purpose, f.fileName])).toEqual([['minutes', 'bien-ban-hoi-nghi.pdf']]);
    await page.context().close();
  });

  it('lets a viewer of the province download the files, without upload or remove', async () => {
    const page = await newPage(browser);
    await signIn(page, viewer, PASSWORD);
    await page.goto(`/reception/${sessionId}`);
    const files = page.getByTestId('dialogue-files');
    await files.getByTestId('evidence-file').filter({ hasText: 'bien-ban-hoi-nghi.pdf' }).waitFor();
    const href = await files.getByRole('link', { name: 'bien-ban-hoi-nghi.pdf' }).getAttribute('href');
    const file = await page.request.get(href!);
    expect([file.status(), file.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(await files.getByTestId('evidence-upload').count()).toBe(0);
    expect(await files.getByRole('button', { name: text('vi', 'evidenceFiles.remove') }).count()).toBe(0);
    await page.context().close();
  });
});
