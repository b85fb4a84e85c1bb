/**
 * Ethnic and religious affairs in the demo (docs/situation.md §9): in Ninh Bình, Giáo phận Phát
 * Diệm and its cathedral, the provincial Buddhist Sangha's executive board and chùa Bái Đính, a few
 * more places, dignitaries (invented names), prestigious persons of Mường villages of Cúc Phương
 * and Nho Quan (invented names, recognized by the former Nho Quan district before 1 July 2025) with
 * their support, and the year's major events. Through the same services as the API; idempotent.
 */
import { sql } from 'kysely';
import type { Register } from '../../common/religious-affairs.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { createRecord, type CreateBody } from '../modules/religious-affairs/religious-affairs.service.js';
import { currentProvince } from './demo-units.js';

const NINH_BINH = '37';
/** Huyện Nho Quan's official code in the lists of 2019–2025. */
const NHO_QUAN_DISTRICT = '372';

/** A unit in force in the province, by name. */
async function unitNamed(db: Db, provincePath: string, name: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`select id::text from units where name = ${name} and path <@ ${provincePath}::ltree and valid_to is null order by id limit 1`.execute(db);
  return rows[0]?.id;
}

export async function loadDemoReligiousAffairs(db: Db, ctx: Ctx, year = new Date().getFullYear()): Promise<{ religiousRecords: number }> {
  const province = await currentProvince(db, NINH_BINH);
  if (!province) return { religiousRecords: 0 };
  const provincePath = (await db.selectFrom('units').select('path').where('id', '=', province.id).executeTakeFirstOrThrow()).path;
  const already = await db.selectFrom('religious_organizations').select('id').where('unit_id', '=', province.id).where('name', '=', 'Giáo phận Phát Diệm').executeTakeFirst();
  if (already) return { religiousRecords: 0 };
  const phatDiem = (await unitNamed(db, provincePath, 'Xã Phát Diệm')) ?? province.id;
  const tayHoaLu = (await unitNamed(db, provincePath, 'Phường Tây Hoa Lư')) ?? province.id;
  const cucPhuong = (await unitNamed(db, provincePath, 'Xã Cúc Phương')) ?? province.id;
  const nhoQuan = (await unitNamed(db, provincePath, 'Xã Nho Quan')) ?? province.id;
  // Recognition before 1 July 2025 was the district chairman's: the decision keeps its district.
  const nhoQuanDistrict =
    (await db.selectFrom('units').select('id').where('kind', '=', 'district').where('code', '=', NHO_QUAN_DISTRICT).where('valid_to', 'is not', null).executeTakeFirst())?.id ?? province.id;
  let n = 0;
  const add = async <R extends Register>(register: R, body: CreateBody<R>) => {
    n++;
    return createRecord(ctx, SYSTEM_ACTOR, register, body);
  };

  const diocese = await add('organizations', { unitId: province.id, name: 'Giáo phận Phát Diệm', religionCode: 'catholicism', denomination: 'Giáo hội Công giáo Việt Nam', legalStatus: 'recognized' });
  const sangha = await add('organizations', {
    unitId: province.id,
    name: 'Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh Ninh Bình',
    religionCode: 'buddhism',
    denomination: 'Giáo hội Phật giáo Việt Nam',
    legalStatus: 'recognized',
  });
  await add('organizations', { unitId: province.id, name: 'Chi hội Tin lành Ninh Bình', religionCode: 'protestantism', denomination: 'Hội thánh Tin lành Việt Nam (miền Bắc)', legalStatus: 'registered' });

  const cathedral = await add('places', { unitId: phatDiem, name: 'Nhà thờ chính tòa Phát Diệm', organizationId: diocese, religionCode: 'catholicism', address: 'Xã Phát Diệm, tỉnh Ninh Bình', legalStatus: 'recognized' });
  const baiDinh = await add('places', { unitId: tayHoaLu, name: 'Chùa Bái Đính', organizationId: sangha, religionCode: 'buddhism', address: 'Núi Bái Đính, phường Tây Hoa Lư, tỉnh Ninh Bình', legalStatus: 'recognized' });
  await add('places', { unitId: tayHoaLu, name: 'Chùa Bích Động', organizationId: sangha, religionCode: 'buddhism', address: 'Phường Tây Hoa Lư, tỉnh Ninh Bình', legalStatus: 'recognized' });
  await add('places', { unitId: phatDiem, name: 'Nhà thờ giáo xứ Trì Chính', organizationId: diocese, religionCode: 'catholicism', address: 'Xã Phát Diệm, tỉnh Ninh Bình', legalStatus: 'recognized' });
  await add('places', { unitId: nhoQuan, name: 'Chùa Xóm Bãi', organizationId: null, religionCode: 'buddhism', address: 'Xã Nho Quan, tỉnh Ninh Bình', legalStatus: 'not_registered' });

  const dignitaries: CreateBody<'dignitaries'>[] = [
    { unitId: phatDiem, name: 'Phạm Văn Khiêm', religiousName: 'Giuse', religionCode: 'catholicism', rank: 'Linh mục quản xứ nhà thờ chính tòa', organizationId: diocese, placeId: cathedral, birthYear: 1969 },
    { unitId: phatDiem, name: 'Trần Đức Lượng', religiousName: 'Phêrô', religionCode: 'catholicism', rank: 'Linh mục phó xứ', organizationId: diocese, placeId: cathedral, birthYear: 1984 },
    { unitId: tayHoaLu, name: 'Nguyễn Văn Hòa', religiousName: 'Thích Minh Đạo', religionCode: 'buddhism', rank: 'Thượng tọa, trụ trì', organizationId: sangha, placeId: baiDinh, birthYear: 1975 },
    { unitId: tayHoaLu, name: 'Lê Thị Thanh', religiousName: 'Thích Đàm Hạnh', religionCode: 'buddhism', rank: 'Ni sư', organizationId: sangha, placeId: baiDinh, birthYear: 1980 },
  ];
  for (const d of dignitaries) await add('dignitaries', d);

  const recognized = (name: string, village: string, unitId: string, y: number, decision: string) => ({
    unitId,
    name,
    ethnicCode: '06',
    village,
    recognizedYear: y,
    decision,
    decidingUnitId: nhoQuanDistrict,
    support: [
      { year: y, kind: 'tet_visit', amount: 500_000 },
      { year: y, kind: 'health_insurance', amount: 0 },
      { year: Math.max(y, year), kind: 'tet_visit', amount: 700_000 },
      { year: Math.max(y, year), kind: 'newspapers', amount: 0 },
    ],
  });
  await add('persons', recognized('Đinh Văn Thành', 'Bản Cọt', cucPhuong, 2023, 'Quyết định số 412/QĐ-UBND ngày 15/3/2023 của UBND huyện Nho Quan'));
  await add('persons', recognized('Bùi Thị Nghĩa', 'Bản Đồng Tâm', cucPhuong, 2023, 'Quyết định số 412/QĐ-UBND ngày 15/3/2023 của UBND huyện Nho Quan'));
  await add('persons', recognized('Quách Văn Hưng', 'Thôn Đồi Dù', nhoQuan, 2024, 'Quyết định số 287/QĐ-UBND ngày 02/4/2024 của UBND huyện Nho Quan'));
  await add('persons', recognized('Đinh Công Lâm', 'Bản Nga', cucPhuong, 2024, 'Quyết định số 287/QĐ-UBND ngày 02/4/2024 của UBND huyện Nho Quan'));

  await add('events', { unitId: tayHoaLu, name: 'Lễ hội chùa Bái Đính', religionCode: 'buddhism', startsOn: `${year}-02-06`, endsOn: `${year}-04-30`, place: 'Chùa Bái Đính', expectedAttendance: 1_000_000 });
  await add('events', { unitId: phatDiem, name: 'Lễ Giáng sinh', religionCode: 'catholicism', startsOn: `${year}-12-24`, endsOn: `${year}-12-25`, place: 'Nhà thờ chính tòa Phát Diệm', expectedAttendance: 20_000 });
  await add('events', { unitId: province.id, name: 'Đại lễ Phật đản', religionCode: 'buddhism', startsOn: `${year}-05-31`, endsOn: `${year}-05-31`, place: 'Các chùa trên địa bàn tỉnh', expectedAttendance: 30_000 });
  return { religiousRecords: n };
}
