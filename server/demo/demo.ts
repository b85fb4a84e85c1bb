/**
 * The demo data set (`danvan serve --demo`): organizations of the political system under five
 * provinces and some of their communes, and accounts with each role, so a newcomer sees scoped
 * access at work at once. Built through the same services as the API (so it is audited), and
 * idempotent: what exists is left alone, a second run adds nothing.
 */
import type { Role } from '../../common/access.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { verifyPassword } from '../modules/auth/password.js';
import { createUnit } from '../modules/units/units.service.js';
import { createUser, findUserIdByUsername } from '../modules/users/users.service.js';
import { loadDemoEntries } from './demo-entries.js';
import { loadDemoHistory } from './demo-history.js';
import { loadDemoReviews } from './demo-reviews.js';
import { loadDemoPetitions } from './demo-petitions.js';
import { loadDemoCoordination } from './demo-coordination.js';
import { loadDemoLeadership } from './demo-leadership.js';
import { loadDemoWorkingSessions } from './demo-working-sessions.js';
import { loadDemoReligiousAffairs } from './demo-religious-affairs.js';
import { loadDemoSituation } from './demo-situation.js';
import { loadDemoHotspots } from './demo-hotspots.js';
import { loadDemoGrassroots } from './demo-grassroots.js';
import { loadDemoSupervision } from './demo-supervision.js';
import { loadDemoDialogue } from './demo-dialogue.js';
import { loadDemoPolicyDocuments } from './demo-policy-documents.js';
import { loadDemoReportData } from './demo-reports.js';
import { demoPassword } from './demo-password.js';
import { currentProvince, firstCommunes, grassrootsDemoCommune } from './demo-units.js';

const PROVINCES = ['01', '37', '46', '68', '96'];

/** The organizations of the political system at a level, named as they are in practice. */
function provinceOrganizations(fullName: string): { kind: string; name: string }[] {
  const isCity = fullName.startsWith('Thành phố');
  const short = fullName.replace(/^(Thành phố|Tỉnh)\s+/, '');
  const committee = isCity ? 'Thành ủy' : 'Tỉnh ủy';
  return [
    { kind: 'party_committee', name: `${committee} ${short}` },
    { kind: 'mass_mobilization_commission', name: `Ban Tuyên giáo và Dân vận ${committee} ${short}` },
    { kind: 'fatherland_front', name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${fullName.toLowerCase().startsWith('thành phố') ? 'thành phố' : 'tỉnh'} ${short}` },
    { kind: 'womens_union', name: `Hội Liên hiệp Phụ nữ ${isCity ? 'thành phố' : 'tỉnh'} ${short}` },
    { kind: 'youth_union', name: `${isCity ? 'Thành đoàn' : 'Tỉnh đoàn'} ${short}` },
    { kind: 'farmers_association', name: `Hội Nông dân ${isCity ? 'thành phố' : 'tỉnh'} ${short}` },
    { kind: 'veterans_association', name: `Hội Cựu chiến binh ${isCity ? 'thành phố' : 'tỉnh'} ${short}` },
    { kind: 'trade_union', name: `Liên đoàn Lao động ${isCity ? 'thành phố' : 'tỉnh'} ${short}` },
    { kind: 'armed_forces_unit', name: `Bộ Chỉ huy Quân sự ${isCity ? 'thành phố' : 'tỉnh'} ${short}` },
  ];
}

function communeOrganizations(fullName: string): { kind: string; name: string }[] {
  const level = fullName.split(' ')[0]?.toLowerCase() ?? 'xã';
  return [
    { kind: 'party_committee', name: `Đảng ủy ${fullName.toLowerCase().startsWith('phường') ? 'phường' : level} ${fullName.replace(/^\S+\s+/, '')}` },
    { kind: 'fatherland_front', name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${fullName.charAt(0).toLowerCase()}${fullName.slice(1)}` },
    { kind: 'womens_union', name: `Hội Liên hiệp Phụ nữ ${fullName.charAt(0).toLowerCase()}${fullName.slice(1)}` },
    { kind: 'youth_union', name: `Đoàn Thanh niên ${fullName.charAt(0).toLowerCase()}${fullName.slice(1)}` },
  ];
}

/** An account's unit: the province, one of its communes by code order, or the commune of the grassroots demo (Xã Phát Diệm). */
type DemoAccount = { username: string; displayName: string; role: Role; unit: { province: string; communeIndex?: number; grassroots?: true } };
const ACCOUNTS: DemoAccount[] = [
  { username: 'demo.hanoi.viewer', displayName: 'Nguyễn Thị Hương', role: 'viewer', unit: { province: '01' } },
  { username: 'demo.ninhbinh.admin', displayName: 'Trần Văn Minh', role: 'unit_admin', unit: { province: '37' } },
  { username: 'demo.ninhbinh.editor', displayName: 'Phạm Thị Lan', role: 'editor', unit: { province: '37', communeIndex: 0 } },
  { username: 'demo.hue.approver', displayName: 'Lê Quang Huy', role: 'approver', unit: { province: '46' } },
  { username: 'demo.ninhbinh.approver', displayName: 'Hoàng Văn Đức', role: 'approver', unit: { province: '37' } },
  { username: 'demo.lamdong.editor', displayName: 'K\'Nhiêu', role: 'editor', unit: { province: '68' } },
  { username: 'demo.camau.viewer', displayName: 'Võ Thị Mai', role: 'viewer', unit: { province: '96', communeIndex: 1 } },
  // The officer of the commune whose year of grassroots democracy the demo shows: edits its boards, sees its overdue recommendation.
  { username: 'demo.phatdiem.editor', displayName: 'Vũ Thị Thu', role: 'editor', unit: { province: '37', grassroots: true } },
];

async function findChild(db: Db, parentId: string, name: string) {
  return db.selectFrom('units').select('id').where('parent_id', '=', parentId).where('name', '=', name).executeTakeFirst();
}

/** A demo account as the start-up log lists it; `usesDemoPassword` false: its password was changed and is not shown. */
export type DemoAccountStatus = { username: string; role: Role; unitName: string; usesDemoPassword: boolean; disabled: boolean };

/** The demo accounts that exist, each checked against the demo password's hash. */
export async function demoAccountStatus(db: Db, password: string): Promise<DemoAccountStatus[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .innerJoin('units as n', 'n.id', 'g.unit_id')
    .select(['u.username', 'u.password_hash', 'u.disabled_at', 'g.role', 'n.name as unitName'])
    .where('u.username', 'in', ACCOUNTS.map((a) => a.username))
    .execute();
  const out: DemoAccountStatus[] = [];
  for (const account of ACCOUNTS) {
    const row = rows.find((r) => r.username === account.username);
    if (!row) continue;
    out.push({ username: row.username, role: row.role, unitName: row.unitName, usesDemoPassword: await verifyPassword(password, row.password_hash), disabled: row.disabled_at !== null });
  }
  return out;
}

/** The lines the start-up log shows for the demo accounts (never a password other than the demo one). */
export function demoAccountLines(accounts: readonly DemoAccountStatus[], password: string, file: string | undefined): string[] {
  if (!accounts.length) return [];
  const width = Math.max(...accounts.map((a) => a.username.length));
  const usable = accounts.filter((a) => a.usesDemoPassword && !a.disabled);
  return [
    usable.length ? `Demo accounts (password ${password}${file ? `, kept in ${file}` : ''}):` : 'Demo accounts:',
    ...accounts.map((a) => {
      const state = a.disabled ? ' (disabled)' : a.usesDemoPassword ? '' : ' (uses another password, not shown; `danvan user reset-password` sets a new one)';
      return `  ${a.username.padEnd(width)}  ${a.role.padEnd(10)} ${a.unitName}${state}`;
    }),
  ];
}

/**
 * Loads the demo data set (what exists is left alone) and says what it added and which demo
 * accounts to sign in with. The password is the data folder's (demo-password.ts) unless given.
 */
export async function loadDemoData(
  db: Db,
  ctx: Ctx,
  opts: { password?: string } = {},
): Promise<{ summary: string; units: number; accounts: number; entries: number; reviews: number; demoAccounts: DemoAccountStatus[] }> {
  const kept = opts.password === undefined ? await demoPassword(ctx.config.dataDir) : undefined;
  const password = opts.password ?? kept!.password;
  let units = 0;
  let accounts = 0;
  for (const code of PROVINCES) {
    const province = await currentProvince(db, code);
    if (!province) continue;
    const communes = await firstCommunes(db, province.id, 2);
    const plan = [
      ...provinceOrganizations(province.name).map((o) => ({ ...o, parentId: province.id })),
      ...communes.flatMap((c) => communeOrganizations(c.name).map((o) => ({ ...o, parentId: c.id }))),
    ];
    for (const org of plan) {
      if (await findChild(db, org.parentId, org.name)) continue;
      // In force as long as its province or commune (validFrom null): the demo's entries of 2025 are theirs.
      await createUnit(ctx, SYSTEM_ACTOR, { parentId: org.parentId, kind: org.kind, name: org.name, validFrom: null });
      units++;
    }
  }
  for (const account of ACCOUNTS) {
    if (await findUserIdByUsername(ctx, account.username)) continue;
    const province = await currentProvince(db, account.unit.province);
    if (!province) continue;
    const unitId = account.unit.grassroots
      ? (await grassrootsDemoCommune(db, province.id))?.id
      : account.unit.communeIndex === undefined
        ? province.id
        : (await firstCommunes(db, province.id, account.unit.communeIndex + 1))[account.unit.communeIndex]?.id;
    if (!unitId) continue;
    await createUser(ctx, SYSTEM_ACTOR, { username: account.username, displayName: account.displayName, password, unitId, role: account.role });
    accounts++;
  }
  const loaded = await loadDemoEntries(db, ctx);
  // Records of the units retired on 1 July 2025, so reports of the current provinces include them.
  const before2025 = await loadDemoReportData(db, ctx);
  // A district of 2019–2024 with its organizations, its records imported from the template with their states and dates, and a review of Q3/2023.
  const history = await loadDemoHistory(db, ctx);
  units += history.units;
  const entries = loaded.entries + before2025.entries + history.entries;
  // Reviews take their figures from the entries above.
  const reviews = (await loadDemoReviews(db, ctx)).reviews + history.reviews;
  const { petitions } = await loadDemoPetitions(db, ctx);
  const { policyDocuments } = await loadDemoPolicyDocuments(db, ctx);
  // Tasks of 43-KL/TW given to Ninh Bình's communes (after the documents they carry out).
  const { tasks, reportingRounds } = await loadDemoLeadership(db, ctx);
  // Ninh Bình's coordination program with the coast guard, its 2026 plan and results.
  const { coordinationPrograms } = await loadDemoCoordination(db, ctx);
  // The provincial commission's working session with its first commune, its notice and requests.
  const { workingSessions } = await loadDemoWorkingSessions(db, ctx);
  // Ninh Bình's religious organizations, places, dignitaries, prestigious persons and events (names seen by demo.ninhbinh.approver).
  const { religiousRecords } = await loadDemoReligiousAffairs(db, ctx);
  // Ninh Bình's quarterly situation rounds of its communes, one topic rising, and a quick report.
  const { situationReports } = await loadDemoSituation(db, ctx);
  // Three open hotspots in Ninh Bình's communes, one escalated to the province.
  const { hotspots } = await loadDemoHotspots(db, ctx);
  // Xã Phát Diệm's year of grassroots democracy: what it published (one item overdue), a village covenant by household ballot.
  const { grassrootsRecords } = await loadDemoGrassroots(db, ctx);
  // Xã Phát Diệm's People's Inspection Board (one recommendation overdue) and the province Front's program with two supervisions.
  const { supervisionRecords } = await loadDemoSupervision(db, ctx);
  // Xã Phát Diệm's dialogue conference this year; Huế, where two communes have held none.
  const { dialogues } = await loadDemoDialogue(db, ctx);
  const added =
    units + accounts + entries + reviews + petitions + policyDocuments + tasks + reportingRounds + coordinationPrograms + workingSessions + religiousRecords + situationReports + hotspots + grassrootsRecords + supervisionRecords + dialogues === 0
      ? 'already loaded.'
      : `${units} organizations, ${entries} "Dân vận khéo" entries, ${reviews} periodic reviews, ${petitions} petitions, ${policyDocuments} policy documents, ${tasks} tasks, ${reportingRounds} reporting rounds, ${coordinationPrograms} coordination programs, ${workingSessions} working sessions, ${religiousRecords} records of ethnic and religious affairs, ${situationReports} situation reports, ${hotspots} hotspots, ${grassrootsRecords} records of grassroots democracy, ${supervisionRecords} records of supervision, ${dialogues} dialogue conferences and ${accounts} accounts added.`;
  // Listed on every start, not only the first: whoever starts it again needs to sign in again.
  const demoAccounts = await demoAccountStatus(db, password);
  const summary = [added, ...demoAccountLines(demoAccounts, password, kept?.file)].join('\n');
  return { summary, units, accounts, entries, reviews, demoAccounts };
}
