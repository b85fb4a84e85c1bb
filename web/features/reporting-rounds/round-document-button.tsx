/**
 * The download of the round's composed report (DOCX) for readers of the opening unit, from the
 * unit the page shows. Past the number of sent reports one document holds the server answers
 * EXPORT_TOO_LARGE, so the button says to open a unit under it instead of leading to an error.
 */
import Button from 'antd/es/button';
import Tooltip from 'antd/es/tooltip';
import { useTranslation } from 'react-i18next';
import { ROUND_DOCUMENT_MAX_SENT } from '../../../common/round-document';
import { apiUrl } from '../../app/api-client';
import type { RoundDetail } from './reporting-rounds.api';

export function RoundDocumentButton({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const unitId = round.completeness.unit.id;
  const sent = round.completeness.totals.onTime + round.completeness.totals.late;
  const href = apiUrl(`/api/reporting-rounds/${round.id}/document`, { unitId: unitId === round.openingUnit.id ? undefined : unitId });
  if (sent > ROUND_DOCUMENT_MAX_SENT) {
    return (
      <Tooltip title={t('reportingRounds.document.tooLarge', { max: ROUND_DOCUMENT_MAX_SENT })}>
        <Button disabled data-testid="round-document">
          {t('reportingRounds.document.download')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Button href={href} data-testid="round-document">
      {t('reportingRounds.document.download')}
    </Button>
  );
}
