import Alert from 'antd/es/alert';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';

/** The document a duplicate number and symbol collided with (ALREADY_EXISTS, details.documentId). */
export function existingDocumentId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'ALREADY_EXISTS') return null;
  const id = (error.details as { documentId?: unknown } | null)?.documentId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * A failed request about a document, in the document's words: a duplicate number and symbol links
 * to the document that holds them already; a `replaces` cycle (SUCCESSION_CYCLE, whose general
 * text speaks of units) says which links go round.
 */
export function PolicyDocumentError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const existing = existingDocumentId(error);
  if (existing) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ marginBottom: 16 }}
        title={t('policyDocuments.duplicate')}
        action={
          <ButtonLink size="small" to="/policy-documents/$documentId" params={{ documentId: existing }} data-testid="existing-record">
            {t('policyDocuments.openExisting')}
          </ButtonLink>
        }
      />
    );
  }
  if (error instanceof ApiError && error.code === 'SUCCESSION_CYCLE') {
    return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('policyDocuments.links.cycle')} />;
  }
  return <ErrorAlert error={error} />;
}
