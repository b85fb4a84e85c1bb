/**
 * Access-matrix probes of the reporting rounds routes: one per route (the matrix fails on a route
 * without one). Each round is opened at the location with an organization under it as its
 * participant, so the participant's writes and the opening unit's writes both land at the location.
 * Templates and schedules are read below their unit too (a commune follows its province's calendar
 * and answers with its province's template), so their reads say `readsAbove`.
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildReportingSchedule, buildReportTemplate, buildRound, buildSubmission, SAMPLE_SECTIONS } from './reporting-rounds.factories.js';

const roundAt = async (c: ProbeContext, loc: Location, opts: { participant?: boolean; status?: 'open' | 'closed' } = {}) => {
  const org = opts.participant === false ? null : await c.orgAt(loc);
  const round = await buildRound(c.t.db, { unitId: c.units[loc].id, title: `Báo cáo quý ${c.marker(loc)} ${c.next()}`, participantIds: org ? [org.id] : [], targetKinds: ['youth_union'], status: opts.status });
  return { round, org };
};

const submissionAt = async (c: ProbeContext, loc: Location, status: 'draft' | 'submitted' = 'draft') => {
  const { round, org } = await roundAt(c, loc);
  return buildSubmission(c.t.db, { roundId: round.id, unitId: org!.id, status });
};

export const reportingRoundProbes: Record<string, Probe> = {
  'GET /api/report-templates': {
    list: true,
    readsAbove: true,
    request: async (c, loc) => {
      await buildReportTemplate(c.t.db, { unitId: c.units[loc].id, name: `Mẫu ${c.marker(loc)}` });
      return { method: 'GET', url: `/api/report-templates?unitId=${c.units[loc].id}` };
    },
  },
  'POST /api/report-templates': {
    request: async (c, loc) => ({ method: 'POST', url: '/api/report-templates', body: { unitId: c.units[loc].id, name: `Mẫu ${c.marker(loc)} ${c.next()}`, sections: SAMPLE_SECTIONS } }),
  },
  'GET /api/reporting-schedules': {
    list: true,
    readsAbove: true,
    request: async (c, loc) => {
      const template = await buildReportTemplate(c.t.db, { unitId: c.units[loc].id });
      await buildReportingSchedule(c.t.db, { unitId: c.units[loc].id, templateId: template.id });
      return { method: 'GET', url: `/api/reporting-schedules?unitId=${c.units[loc].id}` };
    },
  },
  'POST /api/reporting-schedules': {
    request: async (c, loc) => {
      const template = await buildReportTemplate(c.t.db, { unitId: c.units[loc].id });
      return {
        method: 'POST',
        url: '/api/reporting-schedules',
        body: { unitId: c.units[loc].id, name: `Lịch ${c.marker(loc)}`, periodKind: 'quarter', dueOffsetDays: 10, templateId: template.id, targetKinds: ['youth_union'] },
      };
    },
  },
  'GET /api/reporting-schedules/:id/next': {
    readsAbove: true,
    request: async (c, loc) => {
      const template = await buildReportTemplate(c.t.db, { unitId: c.units[loc].id });
      const schedule = await buildReportingSchedule(c.t.db, { unitId: c.units[loc].id, templateId: template.id });
      return { method: 'GET', url: `/api/reporting-schedules/${schedule.id}/next?after=2026-10-01` };
    },
  },
  'GET /api/reporting-rounds': {
    list: true,
    request: async (c, loc) => {
      await roundAt(c, loc);
      return { method: 'GET', url: `/api/reporting-rounds?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'POST /api/reporting-rounds': {
    request: async (c, loc) => {
      const template = await buildReportTemplate(c.t.db, { unitId: c.units[loc].id });
      return {
        method: 'POST',
        url: '/api/reporting-rounds',
        body: {
          openingUnitId: c.units[loc].id,
          templateId: template.id,
          title: `Báo cáo quý ${c.marker(loc)} ${c.next()}`,
          periodFrom: '2026-07-01',
          periodTo: '2026-09-30',
          dueOn: '2026-10-10',
          targetKinds: ['youth_union'],
        },
      };
    },
  },
  'GET /api/reporting-rounds/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/reporting-rounds/${(await roundAt(c, loc)).round.id}` }) },
  'GET /api/reporting-rounds/:id/document': { request: async (c, loc) => ({ method: 'GET', url: `/api/reporting-rounds/${(await roundAt(c, loc)).round.id}/document` }) },
  'GET /api/reporting-rounds/:id/participants': {
    request: async (c, loc) => ({ method: 'GET', url: `/api/reporting-rounds/${(await roundAt(c, loc)).round.id}/participants?unitId=${c.units[loc].id}` }),
  },
  'PATCH /api/reporting-rounds/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/reporting-rounds/${(await roundAt(c, loc)).round.id}`, body: { title: `Báo cáo ${c.marker(loc)} ${c.next()}`, version: 1 } }),
  },
  'POST /api/reporting-rounds/:id/close': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/reporting-rounds/${(await roundAt(c, loc, { participant: false })).round.id}/close`, body: { version: 1 } }),
  },
  'POST /api/reporting-rounds/:id/reopen': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/reporting-rounds/${(await roundAt(c, loc, { status: 'closed' })).round.id}/reopen`, body: { version: 1 } }),
  },
  'PUT /api/reporting-rounds/:id/participants/:unitId': {
    request: async (c, loc) => {
      const { round, org } = await roundAt(c, loc);
      return { method: 'PUT', url: `/api/reporting-rounds/${round.id}/participants/${org!.id}`, body: { dueOn: '2026-10-20' } };
    },
  },
  'POST /api/reporting-rounds/:id/submissions': {
    request: async (c, loc) => {
      const { round, org } = await roundAt(c, loc);
      return { method: 'POST', url: `/api/reporting-rounds/${round.id}/submissions`, body: { unitId: org!.id } };
    },
  },
  'GET /api/round-submissions/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/round-submissions/${(await submissionAt(c, loc)).id}` }) },
  'PATCH /api/round-submissions/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/round-submissions/${(await submissionAt(c, loc)).id}`, body: { narrative: `Kết quả ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/round-submissions/:id/refresh': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/round-submissions/${(await submissionAt(c, loc)).id}/refresh`, body: { version: 1 } }),
  },
  'POST /api/round-submissions/:id/submit': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/round-submissions/${(await submissionAt(c, loc)).id}/submit`, body: { version: 1 } }),
  },
  'POST /api/round-submissions/:id/return': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/round-submissions/${(await submissionAt(c, loc, 'submitted')).id}/return`, body: { reason: 'Bổ sung số liệu', version: 1 } }),
  },
  'POST /api/round-submissions/:id/accept': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/round-submissions/${(await submissionAt(c, loc, 'submitted')).id}/accept`, body: { version: 1 } }),
  },
};
