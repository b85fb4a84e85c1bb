import dayjs, { type Dayjs } from 'dayjs';
import type { CommendationDetail, UpdateCommendationInput } from './commendations.api';

/** The edit form's values of one commendation, and the PATCH body they make. */
export type EditValues = {
  name?: string;
  position?: string;
  formCode: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  year: number;
  emulationPeriodId?: string | null;
  reason?: string;
  entryIds: string[];
};

export function valuesOf(c: CommendationDetail): EditValues {
  return {
    name: c.name ?? undefined,
    position: c.position ?? undefined,
    formCode: c.formCode,
    decisionNumber: c.decisionNumber,
    decisionDate: dayjs(c.decisionDate),
    year: c.year,
    emulationPeriodId: c.emulationPeriodId ?? undefined,
    reason: c.reason ?? undefined,
    entryIds: c.entries.map((e) => e.id),
  };
}

/**
 * Only what the user changed is sent: an untouched emulation period is left to the server, which
 * picks the period of a changed year (sending the old one back would contradict the new year).
 */
export function changesOf(c: CommendationDetail, v: EditValues): Omit<UpdateCommendationInput, 'id' | 'version'> {
  const out: Omit<UpdateCommendationInput, 'id' | 'version'> = {};
  if (c.recipientKind === 'individual') {
    const name = v.name?.trim() ?? '';
    const position = v.position?.trim() || null;
    if (name !== c.name) out.name = name;
    if (position !== c.position) out.position = position;
  }
  if (v.formCode !== c.formCode) out.formCode = v.formCode;
  if (v.decisionNumber.trim() !== c.decisionNumber) out.decisionNumber = v.decisionNumber.trim();
  const decisionDate = v.decisionDate.format('YYYY-MM-DD');
  if (decisionDate !== c.decisionDate) out.decisionDate = decisionDate;
  if (v.year !== c.year) out.year = v.year;
  if ((v.emulationPeriodId ?? null) !== c.emulationPeriodId) out.emulationPeriodId = v.emulationPeriodId ?? null;
  const reason = v.reason?.trim() || null;
  if (reason !== c.reason) out.reason = reason;
  const entryIds = [...v.entryIds].sort();
  if (entryIds.join(',') !== c.entries.map((e) => e.id).sort().join(',')) out.entryIds = entryIds;
  return out;
}
