/**
 * What an officer sees right after recording a petition: the receipt to print and hand over (or
 * copy, or save), with the secret shown this once. The petition's details (kind, receiving unit,
 * time limit) fill in the receipt as soon as they load; the secret is there from the start.
 */
import { useNavigate } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../common/petitions';
import { PageHeading } from '../../ui/page-heading';
import { PetitionReceipt } from './petition-receipt';
import { usePortal } from './petitions-public.api';
import { usePetition } from './petitions.api';

export function IntakeReceipt({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = usePetition(receipt.id).data;
  const portal = usePortal().data;
  return (
    <>
      <PageHeading title={t('petitions.intake.saved', { number: receipt.number })} />
      <Alert type="warning" showIcon title={t('petitions.intake.giveReceipt')} style={{ marginBottom: 16, maxWidth: 560 }} />
      <PetitionReceipt
        portal={portal}
        receipt={{
          number: receipt.number,
          trackingCode: receipt.trackingCode,
          secret: receipt.secret,
          kind: detail?.kind,
          unitName: detail?.unit.name,
          receivedOn: receipt.receivedOn,
          dueOn: receipt.dueOn,
          timeLimit: detail ? { ...detail.timeLimit, kind: detail.kind } : null,
        }}
      >
        <Button type="primary" size="large" onClick={() => void navigate({ to: '/petitions/$petitionId', params: { petitionId: receipt.id } })}>
          {t('petitions.intake.openIt')}
        </Button>
      </PetitionReceipt>
    </>
  );
}
