/**
 * A statutory time limit in plain words, from the limits as data (petition_time_limits): "Kiến
 * nghị, phản ánh được xem xét, trả lời trong 10 ngày làm việc kể từ ngày tiếp nhận." Shared by the
 * public page and the receipt, so the citizen reads the same sentence in both.
 */
import type { TFunction } from 'i18next';
import type { PetitionKind } from '../../../common/petitions';

export type TimeLimitLike = { kind: PetitionKind; days: number; basis: 'working' | 'calendar'; maxExtensionDays: number; source: string };

/** "10 ngày làm việc" / "30 ngày". */
export function durationWords(t: TFunction, days: number, basis: TimeLimitLike['basis']): string {
  return basis === 'working' ? t('petitions.limitWords.working', { count: days }) : t('petitions.limitWords.calendar', { count: days });
}

/** The limit and, when the law allows one, the longest extension, as sentences. */
export function timeLimitWords(t: TFunction, limit: TimeLimitLike): string {
  const main = t(`petitions.limitWords.${limit.kind}`, { duration: durationWords(t, limit.days, limit.basis) });
  if (limit.maxExtensionDays <= 0) return main;
  return `${main} ${t('petitions.limitWords.extension', { duration: durationWords(t, limit.maxExtensionDays, limit.basis) })}`;
}
