/**
 * A refused write said in words: the member the exclusion rule names, a member twice on a board or
 * outside its term, a term leaving a member outside it, dates out of order against the supervision
 * or the recommendation, an answered recommendation, a stale version. Any other error as the app
 * says it.
 */
import Alert from 'antd/es/alert';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';

type Detail = { path?: string; code?: string; name?: string; sentOn?: string; heldOn?: string; termFrom?: string; termTo?: string | null };

/** The message key and its values for an error detail this page explains, or null. */
function explain(code: string | undefined, d: Detail, date: (iso: string) => string): [string, Record<string, string>] | null {
  switch (code) {
    case 'excluded_member':
      return ['supervision.errors.excludedMember', { name: d.name ?? '' }];
    case 'before_sent':
      return d.path === 'body.answeredOn' ? ['supervision.errors.answerBeforeSent', {}] : ['supervision.errors.dueBeforeSent', {}];
    case 'members_outside_term':
      return ['supervision.errors.membersOutsideTerm', { name: d.name ?? '' }];
    case 'outside_term':
      return ['supervision.errors.outsideTerm', { from: d.termFrom ? date(d.termFrom) : '', to: d.termTo ? date(d.termTo) : '…' }];
    case 'duplicate':
      return ['supervision.errors.duplicateMember', { name: d.name ?? '' }];
    case 'before_from':
      return d.path === 'body.toOn' ? ['supervision.errors.endBeforeStart', {}] : null;
    case 'after_recommendation':
      return ['supervision.errors.heldAfterRecommendation', { date: d.sentOn ? date(d.sentOn) : '' }];
    case 'before_activity':
      return ['supervision.errors.sentBeforeActivity', { date: d.heldOn ? date(d.heldOn) : '' }];
    case 'answered':
      return ['supervision.errors.answered', {}];
    case 'required':
      return d.path === 'body.projectName' ? ['supervision.errors.projectRequired', {}] : null;
    default:
      return null;
  }
}

export function SupervisionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (isApiError(error, 'CONFLICT')) return <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('supervision.conflictRecord')} data-testid="supervision-conflict" />;
  if (isApiError(error) && Array.isArray(error.details)) {
    const d = (error.details[0] ?? {}) as Detail;
    const said = explain(d.code, d, (iso) => format.date(iso));
    if (said) return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t(said[0], said[1])} data-testid={`supervision-${d.code!.replace(/_/g, '-')}`} />;
  }
  return <ErrorAlert error={error} />;
}
