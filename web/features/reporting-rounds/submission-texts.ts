import type { Submission, SubmissionChanges } from './reporting-rounds.api';

/** What the unit writes in its report: the summary and the text sections by key. */
export type Texts = { narrative: string; sections: Record<string, string> };

export function textsOf(s: Pick<Submission, 'narrative' | 'sections'>): Texts {
  return { narrative: s.narrative ?? '', sections: { ...s.sections } };
}

/**
 * What changed since the last save: only that is sent, so a save that changes nothing is not a
 * new version. Spaces at the ends are no change (the server trims them); the sections go whole,
 * since an answer cleared is a change too.
 */
export function changesOf(now: Texts, saved: Texts): SubmissionChanges {
  const changes: SubmissionChanges = {};
  if (now.narrative.trim() !== saved.narrative.trim()) changes.narrative = now.narrative;
  const keys = new Set([...Object.keys(now.sections), ...Object.keys(saved.sections)]);
  if ([...keys].some((k) => (now.sections[k] ?? '').trim() !== (saved.sections[k] ?? '').trim())) changes.sections = now.sections;
  return changes;
}
