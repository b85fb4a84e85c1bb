import { Link } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Pagination from 'antd/es/pagination';
import Segmented from 'antd/es/segmented';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { type SuccessionReviewBasis, useSuccessionReview } from './units.api';
import { useKindName } from './use-kind-name';

const PAGE = 50;

/**
 * For a system administrator: the units that went away before 2025 whose successor the official
 * lists cannot tell (the history gave them their district, docs/units.md), and the corrections made.
 */
export function SuccessionReviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  const systemAdmin = useCan('system.manage');
  const [basis, setBasis] = useState<SuccessionReviewBasis>('ambiguous');
  const [offset, setOffset] = useState(0);
  const review = useSuccessionReview(basis, { limit: PAGE, offset }, systemAdmin);
  if (!systemAdmin) return <ForbiddenResult />;
  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {t('units.reviewTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('units.reviewHelp')}</Typography.Paragraph>
      <Segmented<SuccessionReviewBasis>
        value={basis}
        onChange={(v) => {
          setBasis(v);
          setOffset(0);
        }}
        options={[
          { value: 'ambiguous', label: t('units.basis.ambiguous') },
          { value: 'manual', label: t('units.basis.manual') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={review.error} />
      {review.isPending ? (
        <PageSpinner />
      ) : (
        review.data && (
          <>
            <Typography.Paragraph type="secondary">{t('units.reviewCount', { n: format.number(review.data.total) })}</Typography.Paragraph>
            <ul className="plain-list" data-testid="succession-review">
              {review.data.items.map((item) => (
                <li key={item.unit.id} style={{ marginBottom: 8 }}>
                  <Link to="/units/$unitId/successors" params={{ unitId: item.unit.id }}>
                    {item.unit.name}
                  </Link>{' '}
                  <Typography.Text type="secondary">
                    ({kindName(item.unit.kind)} {item.unit.code}) · {item.unit.validTo && t('units.retiredOn', { date: format.date(item.unit.validTo) })}
                  </Typography.Text>
                  {item.pathNames && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{item.pathNames}</div>}
                  <div style={{ fontSize: 13 }}>
                    {t('units.succeededBy')} {item.successors.map((s) => s.unit.name).join(', ')}
                  </div>
                </li>
              ))}
            </ul>
            <Pagination current={offset / PAGE + 1} pageSize={PAGE} total={review.data.total} showSizeChanger={false} onChange={(p) => setOffset((p - 1) * PAGE)} />
          </>
        )
      )}
    </Card>
  );
}
