/**
 * Petition figures for reports and the dashboard: received, resolved (closed by resolution),
 * closed on time / late, and still open past their due date, grouped by kind, category, channel,
 * unit (the direct children of the area, the area's own petitions under itself) or period.
 * Counted on petitions received in [from, to]; "overdue" is judged on `today`.
 */
import { type Kysely, sql } from 'kysely';
import { OPEN_PETITION_STATUSES } from '../../../common/petitions.js';
import type { Database } from '../../db/schema.js';

export const FIGURE_GROUPS = ['kind', 'category', 'channel', 'unit', 'month', 'year'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export type FigureQuery = {
  /** The area: petitions handled at this unit or below it ('' or undefined: everywhere). */
  underPath?: string;
  from: string;
  to: string;
  today: string;
  groupBy: FigureGroup;
};

export type FigureRow = { key: string; received: number; resolved: number; closedOnTime: number; closedLate: number; openOverdue: number };

const OPEN = sql.join(OPEN_PETITION_STATUSES.map((s) => sql.lit(s)));

export async function findPetitionFigures(db: Kysely<Database>, q: FigureQuery): Promise<FigureRow[]> {
  // Everywhere: the area is the root, whose children are the provinces.
  const depth = q.underPath ? q.underPath.split('.').length : 1;
  const key = {
    kind: sql`p.kind`,
    category: sql`p.category_code`,
    channel: sql`p.channel`,
    // The child of the area the handling unit lies under (the area itself for its own petitions).
    unit: sql`ltree2text(subpath(p.handling_unit_path, ${depth - 1}, 1))`,
    month: sql`to_char(p.received_on, 'YYYY-MM')`,
    year: sql`to_char(p.received_on, 'YYYY')`,
  }[q.groupBy];
  const unitKey = q.groupBy === 'unit' ? sql`case when nlevel(p.handling_unit_path) > ${depth} then ltree2text(subpath(p.handling_unit_path, ${depth}, 1)) else ${key} end` : key;
  const { rows } = await sql<{ key: string; received: number; resolved: number; on_time: number; late: number; overdue: number }>`
    select ${unitKey} as key,
      count(*)::int as received,
      count(*) filter (where p.status = 'resolved')::int as resolved,
      count(*) filter (where p.closed_on is not null and p.closed_on <= p.due_on)::int as on_time,
      count(*) filter (where p.closed_on is not null and p.closed_on > p.due_on)::int as late,
      count(*) filter (where p.status in (${OPEN}) and p.due_on < ${q.today}::date)::int as overdue
    from petitions p
    where p.received_on between ${q.from}::date and ${q.to}::date
      ${q.underPath ? sql`and p.handling_unit_path <@ ${q.underPath}::ltree` : sql``}
    group by 1 order by 1`.execute(db);
  return rows.map((r) => ({ key: r.key, received: r.received, resolved: r.resolved, closedOnTime: r.on_time, closedLate: r.late, openOverdue: r.overdue }));
}
