import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { ReviewConflictAlert } from './review-conflict-alert';
import { type Review, useUpdateReview } from './reviews.api';

/** server/modules/reviews/reviews.schema.ts REVIEW_LIMITS.title. */
const TITLE_MAX = 500;

type Props = { review: Review; editable: boolean; onReload: () => void };

/**
 * The review's title with its status, renamed in place while the review is a draft (the default
 * "Tổng kết …" / "Sơ kết …" often needs the unit's own wording). Saved with the version the editor
 * was opened on, like the review's texts.
 */
export function ReviewTitle({ review, editable, onReload }: Props) {
  const { t } = useTranslation();
  const update = useUpdateReview();
  const [draft, setDraft] = useState<string | null>(null);
  const [openedOn, setOpenedOn] = useState(review.version);
  const conflict = isApiError(update.error, 'CONFLICT');
  const close = () => {
    update.reset();
    setDraft(null);
  };
  const save = () => {
    if (draft === null || !draft.trim()) return;
    if (draft.trim() === review.title) return close();
    update.mutate({ id: review.id, version: openedOn, title: draft.trim() }, { onSuccess: () => setDraft(null) });
  };

  if (draft === null) {
    return (
      <Space align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {/* The title is the unit's own words (Vietnamese): isolated, so an Arabic page keeps its quotes in place. */}
          <bdi>{review.title}</bdi> <Tag color={review.status === 'draft' ? undefined : 'green'}>{t(`reviews.statuses.${review.status}`)}</Tag>
        </Typography.Title>
        {editable && (
          <Button
            type="link"
            onClick={() => {
              setOpenedOn(review.version);
              setDraft(review.title);
            }}
          >
            {t('reviews.edit.title')}
          </Button>
        )}
      </Space>
    );
  }
  return (
    // Inside the heading row's Space item, which is only as wide as its content: give the editor room.
    <div style={{ width: 'min(640px, 90vw)', marginBottom: 12 }}>
      {conflict ? (
        <ReviewConflictAlert
          title={t('reviews.conflictTitle')}
          onReload={() => {
            close();
            onReload();
          }}
        />
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input aria-label={t('reviews.edit.title')} value={draft} maxLength={TITLE_MAX} onChange={(e) => setDraft(e.target.value)} onPressEnter={save} autoFocus />
        <Button type="primary" onClick={save} loading={update.isPending} disabled={conflict || !draft.trim()}>
          {t('common.save')}
        </Button>
        <Button onClick={close}>{t('common.cancel')}</Button>
      </Space.Compact>
    </div>
  );
}
