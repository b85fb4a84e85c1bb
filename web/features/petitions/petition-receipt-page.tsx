/**
 * /petitions/:id/receipt: the receipt of a petition printed again (the citizen lost it, or asks
 * for another copy). The secret was given once at intake and is not kept, so the reprint says so;
 * a petition the officer may not read answers "not found" in the officer's language.
 */
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PageSpinner } from '../../ui/page-spinner';
import { PetitionReceipt } from './petition-receipt';
import { usePortal } from './petitions-public.api';
import { usePetition } from './petitions.api';

export function PetitionReceiptPage() {
  const { petitionId } = useParams({ strict: false }) as { petitionId: string };
  const { t } = useTranslation();
  const petition = usePetition(petitionId);
  const portal = usePortal().data;
  if (petition.isLoading) return <PageSpinner />;
  if (!petition.data) return <ErrorAlert error={petition.error} />;
  const p = petition.data;
  return (
    <>
      <PageHeading title={t('petitions.receipt.pageTitle', { number: p.number })} />
      <PetitionReceipt
        portal={portal}
        receipt={{
          number: p.number,
          trackingCode: p.trackingCode,
          kind: p.kind,
          unitName: p.unit.name,
          receivedOn: p.receivedOn,
          dueOn: p.dueOn,
          timeLimit: { ...p.timeLimit, kind: p.kind },
        }}
      />
    </>
  );
}
