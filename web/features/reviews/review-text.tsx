import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { ReviewConflictAlert } from './review-conflict-alert';
import { type Review, useUpdateReview } from './reviews.api';

type Props = { review: Review; field: 'narrative' | 'shortcomings'; editable: boolean; maxLength: number; onReload: () => void };

/**
 * A review's long text (results narrative, shortcomings), edited in place. Saved with the version
 * it was opened on: when someone else saved meanwhile, the user is told and reloads rather than
 * overwriting their change.
 */
export function ReviewText({ review, field, editable, maxLength, onReload }: Props) {
  const { t } = useTranslation();
  const update = useUpdateReview();
  const [draft, setDraft] = useState<string | null>(null);
  // The version the editor was opened on: a refetch meanwhile must not make a stale edit look current.
  const [openedOn, setOpenedOn] = useState(review.version);
  const conflict = isApiError(update.error, 'CONFLICT');
  const value = review[field];

  const save = () => {
    if (draft === null) return;
    if (draft.trim() === (value ?? '')) return setDraft(null);
    update.mutate({ id: review.id, version: openedOn, [field]: draft }, { onSuccess: () => setDraft(null) });
  };

  if (draft === null) {
    return (
      <div data-testid={`review-${field}`}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type={value ? undefined : 'secondary'}>
          {value ?? t('reviews.empty')}
        </Typography.Paragraph>
        {editable && (
          <Button
            onClick={() => {
              setOpenedOn(review.version);
              setDraft(value ?? '');
            }}
          >{t(`reviews.edit.${field}`)}
          </Button>
        )}
      </div>
    );
  }
  return (
    <div>
      {conflict ? (
        <ReviewConflictAlert
          title={t('reviews.conflictTitle')}
          onReload={() => {
            update.reset();
            setDraft(null);
            onReload();
          }}
        />
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <Input.TextArea aria-label={t(`reviews.edit.${field}`)} value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 6, maxRows: 24 }} maxLength={maxLength} />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" onClick={save} loading={update.isPending} disabled={conflict}>
          {t('common.save')}
        </Button>
        <Button
          onClick={() => {
            update.reset();
            setDraft(null);
          }}
        >
          {t('common.cancel')}
        </Button>
      </Space>
    </div>
  );
}
