/**
 * The units of their day in the browser (issue 11): a district renamed in 2025 found by its
 * former name, an organization added under it for its years, and a system administrator setting
 * the successor of a ward the official lists cannot place.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { UnitDetail, UnitSearchHit } from '../common/units.js';
import { type ApiSession, apiSignIn } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

describe('units of 2019–2024', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  const RUN = Date.now().toString(36);

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds Huyện Kim Bảng by its former name, shown with the name it bears now, and lists its names', async () => {
    await page.goto('/units');
    const input = page.getByTestId('unit-search').locator('input').first();
    await input.fill('huyen kim bang');
    const label = text('vi', 'units.formerNameLabel', { former: 'Huyện Kim Bảng', current: 'Thị xã Kim Bảng' });
    const link = page.getByTestId('unit-search-hit').getByRole('link', { name: label, exact: true }).first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/units\/\d+$/);
    await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe('Thị xã Kim Bảng');
    expect(await page.getByTestId('former-names').textContent()).toContain('Huyện Kim Bảng');
  });

  it('adds an organization under the retired district for its years', async () => {
    // Still on Thị xã Kim Bảng (retired on 1 July 2025): "Add organization" is offered.
    await page.getByTestId('add-organization').click();
    await page.waitForURL(/add-organization$/);
    await page.getByTestId('add-under-retired').waitFor();
    await page.locator('#add-organization_kind').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await page.locator('#add-organization_name').fill(`Hội Nông dân huyện Kim Bảng ${RUN}`);
    // Typing the date and Enter sets it; only the button sends the form (Enter in a date never does).
    await page.locator('#add-organization_validFrom').fill('01/01/2021');
    await page.locator('#add-organization_validFrom').press('Enter');
    expect(page.url()).toMatch(/add-organization$/);
    await page.getByRole('button', { name: text('vi', 'units.addOrganizationSubmit') }).click();
    await page.waitForURL(/\/units\/\d+$/);
    await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(`Hội Nông dân huyện Kim Bảng ${RUN}`);
    const id = page.url().split('/').at(-1)!;
    const saved = await admin.get<UnitDetail>(`/api/units/${id}`);
    expect(saved.unit).toMatchObject({ validFrom: '2021-01-01', validTo: '2025-07-01', retired: true });
    // Its history in the reader's words, as the audit log: the parent by its name, fields named, dates as written here.
    await page.getByRole('tab', { name: text('vi', 'units.tabHistory') }).click();
    const changes = page.locator('table.record-diff');
    await changes.first().waitFor();
    const shown = (await changes.first().textContent()) ?? '';
    expect(shown).toContain(text('vi', 'auditFields.parentId'));
    expect(shown).toContain('Thị xã Kim Bảng');
    expect(shown).toContain('01/01/2021');
    expect(shown).not.toContain('parentId');
  });

  it('lets a system administrator set the successor of a ward the lists cannot place', async () => {
    await page.goto('/units/successions');
    const first = page.getByTestId('succession-review').getByRole('link').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/successors$/);
    const id = page.url().split('/').at(-2)!;
    const before = await admin.get<UnitDetail>(`/api/units/${id}`);
    expect(before.successors[0]?.basis).toBe('ambiguous');
    // Another ward of the same district, in force on the day the ward went away.
    const district = before.ancestors.at(-1)!;
    const siblings = await admin.get<{ items: (UnitSearchHit & { validFrom: string | null })[] }>(`/api/units/${district.id}/children?includeRetired=true&limit=500`);
    // One whose name no other unit bears, so the picker shows it alone.
    let sibling: (typeof siblings.items)[number] | undefined;
    for (const u of siblings.items.filter((x) => x.id !== id && x.validTo === '2025-07-01' && x.validFrom === null)) {
      const hits = await admin.get<{ items: UnitSearchHit[] }>(`/api/units/search?q=${encodeURIComponent(u.name)}&limit=50`);
      if (hits.items.filter((h) => h.name === u.name || h.matchedName === u.name).length === 1) {
        sibling = u;
        break;
      }
    }
    if (!sibling) throw new Error(`no ward of ${district.name} with a name of its own`);
    await pickOption(page, 'set-successors_successors_0_unitId', sibling.name, sibling.name);
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.waitForURL(/\/units\/\d+$/);
    await eventually(() => page.getByTestId('succession-link').filter({ hasText: sibling.name }).textContent()).toContain(text('vi', 'units.basis.manual'));
    const after = await admin.get<UnitDetail>(`/api/units/${id}`);
    expect(after.successors).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: sibling.id }), basis: 'manual' })]);
  });
});
