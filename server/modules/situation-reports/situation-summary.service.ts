/**
 * The summary of a unit's subtree for a quarter (docs/situation.md §3): by topic × mood the number
 * of units reporting it, this quarter against the previous one, "rising" by the pure rule of
 * common/situation-rising.ts, by child unit, and the proposals quoted. The counts come from
 * `situation_topic_counts` (kept by a trigger as reports are submitted or returned); a retired
 * commune's reports count under its successor, like the tasks' roll-up.
 */
import { type Mood, type MoodCounts, previousQuarter, quarterRange, SITUATION_LIMITS, type SituationSummaryQuery } from '../../../common/situation.js';
import { isRising } from '../../../common/situation-rising.js';
import { todayInVietnam } from '../../../common/units.js';
import type { PartyDocument } from '../../documents/party-document.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { getReadableUnit } from '../units/units.service.js';
import { issuingBodyOn } from '../units/issuing-bodies/issuing-bodies.service.js';
import * as repo from './situation-reports.repository.js';
import { situationDocument } from './situation-document.js';
import { situationHotspotsOf } from './situation-hotspots.js';

const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;

/** Distinct units per mood, and per "concerned or tense", from (unit, mood) pairs. */
export function moodCounts(rows: { cu: string; mood: Mood }[]): MoodCounts {
  const by: Record<Mood, Set<string>> = { stable: new Set(), concerned: new Set(), tense: new Set() };
  const troubled = new Set<string>();
  for (const r of rows) {
    by[r.mood].add(r.cu);
    if (r.mood !== 'stable') troubled.add(r.cu);
  }
  return { stable: by.stable.size, concerned: by.concerned.size, tense: by.tense.size, troubled: troubled.size };
}

export async function buildSituationSummary(ctx: Ctx, actor: Actor, q: SituationSummaryQuery) {
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  const prevQ = previousQuarter(q.year, q.quarter);
  const cur = quarterRange(q.year, q.quarter);
  const prev = quarterRange(prevQ.year, prevQ.quarter);
  const [rows, reportsReceived, proposals, topics] = await Promise.all([
    repo.findTopicUnits(ctx.db, unit.path, monthOf(prev.from), monthOf(cur.from), monthOf(cur.to)),
    repo.countReportsReceived(ctx.db, unit.path, cur.from, cur.to),
    repo.findProposals(ctx.db, unit.path, cur.from, cur.to, SITUATION_LIMITS.quotedProposals),
    repo.findCatalogue(ctx.db, 'opinion_topics'),
  ]);
  // Grouped once: a country's quarter has a row per unit, topic and mood (some 100,000).
  const now = rows.filter((r) => !r.previous);
  const group = <K>(list: repo.CountRow[], key: (r: repo.CountRow) => K) => {
    const m = new Map<K, repo.CountRow[]>();
    for (const r of list) {
      const k = key(r);
      const bucket = m.get(k);
      if (bucket) bucket.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const nowByTopic = group(now, (r) => r.topic_code);
  const beforeByTopic = group(rows.filter((r) => r.previous), (r) => r.topic_code);
  const nowByChild = group(now, (r) => r.child);
  const topicRows = topics.map((t) => {
    const current = moodCounts(nowByTopic.get(t.code) ?? []);
    const previous = moodCounts(beforeByTopic.get(t.code) ?? []);
    return { topic: t.code, current, previous, rising: isRising(current.troubled, previous.troubled) };
  });
  const childUnits = await repo.findUnitsByIds(ctx.db, [...nowByChild.keys()].filter((c): c is string => c !== null));
  const children = childUnits.map((c) => {
    const mine = nowByChild.get(c.id) ?? [];
    const troubled = new Set(mine.filter((r) => r.mood !== 'stable').map((r) => r.topic_code));
    return { unit: c, unitsReporting: new Set(mine.map((r) => r.cu)).size, moods: moodCounts(mine), troubledTopics: topics.filter((t) => troubled.has(t.code)).map((t) => t.code) };
  });
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    period: { ...cur, year: q.year, quarter: q.quarter },
    previous: { ...prev, year: prevQ.year, quarter: prevQ.quarter },
    reportsReceived,
    unitsReporting: new Set(now.map((r) => r.cu)).size,
    moods: moodCounts(now),
    topics: topicRows,
    children,
    proposals: proposals.map((p) => ({ reportId: p.report_id, unit: { id: p.unit_id, name: p.unit_name, kind: p.unit_kind }, topic: p.topic_code, mood: p.mood, text: p.proposals })),
  };
}

export type SituationSummaryResult = Awaited<ReturnType<typeof buildSituationSummary>>;

/** The summary as a Party document, headed by the unit's issuing body on the day it is made. */
export async function situationDocumentOf(ctx: Ctx, actor: Actor, q: SituationSummaryQuery): Promise<PartyDocument> {
  const summary = await buildSituationSummary(ctx, actor, q);
  const madeOn = todayInVietnam();
  const [topics, issuing, hotspots] = await Promise.all([
    repo.findCatalogue(ctx.db, 'opinion_topics'),
    issuingBodyOn(ctx.db, summary.unit.id, madeOn),
    situationHotspotsOf(ctx, actor, { unitId: summary.unit.id, from: summary.period.from, to: summary.period.to }),
  ]);
  return situationDocument({ summary, topicNames: Object.fromEntries(topics.map((t) => [t.code, t.names.vi ?? t.code])), hotspots, issuer: issuing.body, madeOn });
}
