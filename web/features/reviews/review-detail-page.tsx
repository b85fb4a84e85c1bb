import { Link, useParams } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Checkbox from 'antd/es/checkbox';
import Descriptions from 'antd/es/descriptions';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { DocumentReviewPart } from './document-review-part';
import { ReviewCalendar } from './review-calendar';
import { ReviewFigures } from './review-figures';
import { ReviewTasks } from './review-tasks';
import { ReviewText } from './review-text';
import { ReviewTitle } from './review-title';
import { type ReviewDetail, reviewDocumentUrl, useRefreshReview, useReview, useUpdateReview } from './reviews.api';
import { useReviewPeriodWithDays } from './use-review-period-label';

/** Limits of server/modules/reviews/reviews.schema.ts (REVIEW_LIMITS). */
const NARRATIVE_MAX = 100_000;
const SHORTCOMINGS_MAX = 50_000;

export function ReviewDetailPage() {
  const { reviewId } = useParams({ strict: false }) as { reviewId: string };
  const review = useReview(reviewId);
  if (review.isPending) return <PageSpinner />;
  if (review.isError) return <ErrorAlert error={review.error} />;
  return <ReviewView review={review.data} onReload={() => void review.refetch()} />;
}

const section = (title: string) => (
  <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
    {title}
  </Typography.Title>
);

function ReviewView({ review, onReload }: { review: ReviewDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodWithDays = useReviewPeriodWithDays();
  const canWrite = useCan('data.write');
  const refresh = useRefreshReview();
  const setStatus = useUpdateReview();
  const [replaceNarrative, setReplaceNarrative] = useState(false);
  const draft = review.status === 'draft';
  const actionError = refresh.error ?? setStatus.error;

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/reviews">{t('reviews.backToList')}</Link>
      </Typography.Paragraph>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }} wrap>
        <ReviewTitle review={review} editable={canWrite && draft} onReload={onReload} />
        <Space wrap className="screen-only">
          <PrintButton />
          <Button type="primary" href={reviewDocumentUrl(review.id)} download>
            {t('reviews.downloadDocx')}
          </Button>
          {canWrite && (
            <Button loading={setStatus.isPending} onClick={() => setStatus.mutate({ id: review.id, version: review.version, status: draft ? 'final' : 'draft' })}>
              {draft ? t('reviews.finalize') : t('reviews.reopen')}
            </Button>
          )}
        </Space>
      </Space>
      {actionError &&
        (isApiError(actionError, 'CONFLICT') ? (
          <Alert type="warning" showIcon role="alert" title={t('reviews.conflictTitle')} action={<Button onClick={onReload}>{t('common.reload')}</Button>} style={{ marginBottom: 16 }} />
        ) : (
          <ErrorAlert error={actionError} />
        ))}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'unit', label: t('reviews.unit'), children: review.unit.name },
          { key: 'period', label: t('reviews.period'), children: periodWithDays(review) },
          // A document review dates its figures in its own part ("Số liệu đến ngày").
          ...(review.ofDocument ? [] : [{ key: 'figuresAt', label: t('reviews.figuresAt'), children: review.figuresAt ? format.dateTime(review.figuresAt) : <EmptyValue /> }]),
        ]}
      />

      {section(t('reviews.sections.results'))}
      {canWrite && draft && (
        <Space wrap style={{ marginBottom: 12 }} className="screen-only">
          <Button loading={refresh.isPending} onClick={() => refresh.mutate({ id: review.id, version: review.version, replaceNarrative })}>
            {t('reviews.refresh')}
          </Button>
          <Checkbox checked={replaceNarrative} onChange={(e) => setReplaceNarrative(e.target.checked)}>
            {t('reviews.replaceNarrative')}
          </Checkbox>
        </Space>
      )}
      {review.ofDocument ? (
        <DocumentReviewPart review={review} of={review.ofDocument} editable={canWrite && draft} onReload={onReload} />
      ) : review.figures ? (
        <ReviewFigures report={review.figures} />
      ) : (
        <Typography.Paragraph type="secondary">{t('reviews.noFigures')}</Typography.Paragraph>
      )}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('reviews.narrative')}
      </Typography.Title>
      <ReviewText review={review} field="narrative" editable={canWrite && draft} maxLength={NARRATIVE_MAX} onReload={onReload} />

      {section(t('reviews.sections.calendar'))}
      <ReviewCalendar review={review} canWrite={canWrite} />

      {section(t('reviews.sections.shortcomings'))}
      <ReviewText review={review} field="shortcomings" editable={canWrite && draft} maxLength={SHORTCOMINGS_MAX} onReload={onReload} />

      {section(t('reviews.sections.tasks'))}
      <ReviewTasks review={review} canWrite={canWrite} onReload={onReload} />
    </Card>
  );
}
