import { useTranslation } from 'react-i18next';
import type { ParticipantState, RoundStatus, SubmissionStatus } from '../../../common/reporting-rounds';

/** A round's status in words ("Đang mở", "Đã kết thúc"). */
export function useRoundStatusName(): (status: RoundStatus) => string {
  const { t } = useTranslation();
  const names: Record<RoundStatus, string> = { open: t('reportingRounds.status.open'), closed: t('reportingRounds.status.closed') };
  return (status) => names[status];
}

/** A participant's state in words ("Chưa gửi", "Đã gửi", "Được miễn", …). */
export function useParticipantStateName(): (state: ParticipantState) => string {
  const { t } = useTranslation();
  const names: Record<ParticipantState, string> = {
    pending: t('reportingRounds.state.pending'),
    draft: t('reportingRounds.state.draft'),
    submitted: t('reportingRounds.state.submitted'),
    returned: t('reportingRounds.state.returned'),
    accepted: t('reportingRounds.state.accepted'),
    excused: t('reportingRounds.state.excused'),
  };
  return (state) => names[state];
}

/** A submission's status reads as its participant's state. */
export function useSubmissionStatusName(): (status: SubmissionStatus) => string {
  const name = useParticipantStateName();
  return (status) => name(status);
}

/** Tag colours: what still needs someone's hand stands out. */
export const STATE_COLORS: Record<ParticipantState, string | undefined> = {
  pending: undefined,
  draft: 'gold',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
  excused: 'purple',
};

/**
 * A unit's name inside a sentence, isolated as `<bdi>` isolates it in markup (U+2068 … U+2069):
 * in Arabic a Vietnamese name ending a sentence would otherwise carry the colon or question mark
 * after it to the wrong side.
 */
export function isolated(name: string): string {
  return `\u2068${name}\u2069`;
}
