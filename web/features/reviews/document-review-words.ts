import { useTranslation } from 'react-i18next';
import type { DocumentReviewKind } from './reviews.api';

/** "Sơ kết" / "Tổng kết" in the reader's language (literal keys, so the catalog check finds them). */
export function useDocumentReviewKindName() {
  const { t } = useTranslation();
  return (kind: DocumentReviewKind) => (kind === 'tong_ket' ? t('documentReviews.kinds.tong_ket') : t('documentReviews.kinds.so_ket'));
}
