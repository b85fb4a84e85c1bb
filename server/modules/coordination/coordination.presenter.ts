/** What leaves the server of forces and coordination programs: the shapes of common/coordination.ts. */
import type { CoordinationProgramDetail, CoordinationProgramSummary, CoordinationYearlyPlan, Force } from '../../../common/coordination.js';
import { numberAndSymbol } from '../../../common/policy-documents.js';
import { presentTask } from '../tasks/tasks.presenter.js';
import type { ForceRecord, ProgramRecord } from './coordination.repository.js';
import type { YearlyPlanView } from './yearly-plans.service.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentForce(f: ForceRecord): Force {
  return { code: f.code, names: f.names, sortOrder: f.sort_order, builtin: f.builtin };
}

export function presentProgram(p: ProgramRecord): CoordinationProgramSummary {
  return {
    id: p.document_id,
    document: { id: p.document_id, number: p.number, symbol: p.symbol, numberAndSymbol: numberAndSymbol(p), issuedOn: p.issued_on, title: p.title, status: p.status },
    partyUnit: { id: p.party_unit_id, name: p.party_unit_name, kind: p.party_unit_kind },
    force: { code: p.force_code, names: p.force_names, sortOrder: p.force_sort_order, builtin: p.force_builtin },
    forceBody: p.force_body,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    years: p.years,
    updatedAt: iso(p.updated_at),
    version: p.version,
  };
}

export function presentYearlyPlan(v: YearlyPlanView): CoordinationYearlyPlan {
  return {
    id: v.plan.id,
    year: v.plan.year,
    startsOn: v.plan.starts_on,
    endsOn: v.plan.ends_on,
    totals: { leaves: v.totals.leaves, done: v.totals.done, open: v.totals.open, overdue: v.totals.overdue },
    items: v.items.map((t) => {
      const r = v.results.get(t.id);
      return { ...presentTask(t), latestResult: r ? { reportedOn: r.reported_on, text: r.text, percent: r.percent } : null };
    }),
    version: v.plan.version,
  };
}

export function presentProgramDetail(d: { program: ProgramRecord; yearlyPlans: YearlyPlanView[]; can: { edit: boolean; addYear: boolean } }): CoordinationProgramDetail {
  return { ...presentProgram(d.program), summary: d.program.summary, yearlyPlans: d.yearlyPlans.map(presentYearlyPlan), can: d.can };
}
