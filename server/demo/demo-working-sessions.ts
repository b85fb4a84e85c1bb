/**
 * A working session in the demo (docs/leadership-loop.md §7 item 4): the Ninh Bình provincial
 * commission's delegation works with the province's first commune about forty days ago, and its
 * conclusion notice gives the commune three requests: one done, one overdue, one still running.
 * Dates are counted from today so the demo shows "overdue" whenever it is loaded. Through the same
 * services as the API (the `today` they accept stands in for the day each step happened);
 * idempotent.
 */
import { addDaysIso, todayInVietnam } from '../../common/units.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { markDone } from '../modules/tasks/task-lifecycle.service.js';
import { addReport } from '../modules/tasks/task-reports.service.js';
import { findSessionId } from '../modules/working-sessions/working-sessions.repository.js';
import { createNotice, createSession, getSessionDetail } from '../modules/working-sessions/working-sessions.service.js';
import { currentProvince } from './demo-units.js';

const NINH_BINH = '37';

/** Adds the session and its notice when the province has not yet held it; answers how many sessions it added. */
export async function loadDemoWorkingSessions(db: Db, ctx: Ctx, today = todayInVietnam()): Promise<{ workingSessions: number }> {
  const province = await currentProvince(db, NINH_BINH);
  if (!province) return { workingSessions: 0 };
  const commune = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', province.id)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .orderBy('code')
    .executeTakeFirst();
  if (!commune) return { workingSessions: 0 };
  const heldOn = addDaysIso(today, -40);
  if (await findSessionId(db, { leadingUnitId: province.id, unitId: commune.id, heldOn })) return { workingSessions: 0 };

  const sessionId = await createSession(ctx, SYSTEM_ACTOR, {
    unitId: commune.id,
    leadingUnitId: province.id,
    heldOn,
    place: `Hội trường Đảng ủy ${commune.name}`,
    content:
      'Đoàn công tác của Ban Tuyên giáo và Dân vận Tỉnh ủy làm việc với Ban Thường vụ Đảng ủy về kết quả thực hiện công tác dân vận, quy chế dân chủ ở cơ sở và phong trào thi đua "Dân vận khéo" từ đầu năm đến nay; nghe báo cáo, trao đổi những khó khăn, vướng mắc và kiến nghị của địa phương.',
    members: [
      { name: 'Đồng chí Đinh Văn Hải', position: 'Phó Trưởng Ban Thường trực Ban Tuyên giáo và Dân vận Tỉnh ủy', isHead: true },
      { name: 'Đồng chí Nguyễn Thị Minh Thu', position: 'Trưởng phòng Dân vận, Ban Tuyên giáo và Dân vận Tỉnh ủy', isHead: false },
      { name: 'Đồng chí Trần Quang Vinh', position: 'Chuyên viên Phòng Dân vận, Ban Tuyên giáo và Dân vận Tỉnh ủy', isHead: false },
    ],
  });

  const issuedOn = addDaysIso(today, -38);
  await createNotice(
    ctx,
    SYSTEM_ACTOR,
    sessionId,
    {
      number: '86',
      symbol: 'TB/BTGDVTU',
      issuedOn,
      title: `Kết luận của đồng chí Phó Trưởng Ban Thường trực Ban Tuyên giáo và Dân vận Tỉnh ủy tại buổi làm việc với Ban Thường vụ Đảng ủy ${commune.name}`,
      summary: null,
      requests: [
        {
          content: 'Kiện toàn tổ dân vận ở tất cả các thôn, tổ dân phố; phân công cấp ủy viên phụ trách từng tổ.',
          expectedOutput: 'Quyết định kiện toàn và danh sách tổ dân vận',
          ownerUnitId: commune.id,
          deadline: addDaysIso(today, -10),
        },
        {
          content: 'Rà soát, giải quyết dứt điểm các kiến nghị của Nhân dân tồn đọng qua các kỳ tiếp xúc cử tri và đối thoại.',
          expectedOutput: 'Báo cáo kết quả giải quyết kiến nghị',
          ownerUnitId: commune.id,
          deadline: addDaysIso(today, -5),
        },
        {
          content: 'Xây dựng ít nhất 01 mô hình "Dân vận khéo" trong lĩnh vực xây dựng nông thôn mới nâng cao, đăng ký với Ban Tuyên giáo và Dân vận Tỉnh ủy.',
          expectedOutput: 'Hồ sơ mô hình "Dân vận khéo" đăng ký',
          ownerUnitId: commune.id,
          deadline: addDaysIso(today, 25),
        },
      ],
    },
    issuedOn,
  );

  // The first request was carried out and closed with the commune's report.
  const { requests } = await getSessionDetail(ctx, SYSTEM_ACTOR, sessionId);
  const done = requests.find((r) => r.deadline === addDaysIso(today, -10));
  if (done) {
    await addReport(ctx, SYSTEM_ACTOR, done.id, { reportedOn: addDaysIso(today, -12), text: 'Đã ban hành quyết định kiện toàn 100% tổ dân vận thôn, tổ dân phố.', percent: 100 }, today);
    await markDone(ctx, SYSTEM_ACTOR, done.id, { version: done.version, note: null });
  }
  return { workingSessions: 1 };
}
