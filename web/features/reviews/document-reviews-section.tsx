/**
 * The section "Sơ kết, tổng kết" of a policy document's page: the reviews of carrying it out
 * (each unit's, as far as the reader reads) and, for editors, a dialog to start one: the unit,
 * sơ kết or tổng kết, the period, and "joint" for a coordination program. The server computes the
 * ordinal ("N năm thực hiện") and the title, and fills the figures from the document's roll-up.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateRangeField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import type { PolicyDocumentDetail } from '../policy-documents/policy-documents.api';
import { UnitPicker } from '../units/unit-picker';
import { type DocumentReviewKind, type Review, useCreateDocumentReview, useReviews } from './reviews.api';
import { useDocumentReviewKindName } from './document-review-words';

export function DocumentReviewsSection({ document: d }: { document: PolicyDocumentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindName = useDocumentReviewKindName();
  const canWrite = useCan('data.write');
  const [creating, setCreating] = useState(false);
  const list = useReviews({ policyDocumentId: d.id, limit: 200, offset: 0 });
  if (d.status !== 'issued') return null;

  return (
    <section id="document-reviews" data-testid="document-reviews" style={{ marginTop: 24 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ fontSize: 17 }}>
          {t('documentReviews.title')}
        </Typography.Title>
        {canWrite && (
          <Button className="screen-only" onClick={() => setCreating(true)} data-testid="document-review-create">
            {t('documentReviews.create')}
          </Button>
        )}
      </div>
      <ErrorAlert error={list.error} />
      <Table<Review>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('documentReviews.none') }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'title',
            title: t('reviews.reviewTitle'),
            render: (_, r) => (
              // A title runs to a sentence; kept readable on a phone, where the table scrolls sideways.
              <Link to="/reviews/$reviewId" params={{ reviewId: r.id }} style={{ display: 'inline-block', minWidth: 220 }}>
                <bdi>{r.title}</bdi>
              </Link>
            ),
          },
          {
            key: 'kind',
            title: t('documentReviews.kind'),
            render: (_, r) => (
              <>
                {r.kind && kindName(r.kind)}
                {r.joint && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('documentReviews.joint')}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'unit', title: t('reviews.unit'), render: (_, r) => <bdi>{r.unit.name}</bdi> },
          { key: 'period', title: t('reviews.period'), render: (_, r) => `${format.date(r.from)} – ${format.date(r.to)}` },
          { key: 'status', title: t('reviews.status'), render: (_, r) => <Tag color={r.status === 'final' ? 'green' : undefined}>{r.status === 'final' ? t('reviews.statuses.final') : t('reviews.statuses.draft')}</Tag> },
        ]}
      />
      {creating && <DocumentReviewCreateModal document={d} onClose={() => setCreating(false)} />}
    </section>
  );
}

type Values = { unitId: string; kind: DocumentReviewKind; range?: [Dayjs, Dayjs]; joint: boolean };

function DocumentReviewCreateModal({ document: d, onClose }: { document: PolicyDocumentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kindName = useDocumentReviewKindName();
  const create = useCreateDocumentReview();
  const [form] = Form.useForm<Values>();
  const program = d.kind === 'coordination_program';
  const issued = d.issuedOn ? dayjs(d.issuedOn) : undefined;

  const submit = (v: Values) =>
    create.mutate(
      { unitId: v.unitId, policyDocumentId: d.id, kind: v.kind, from: v.range![0].format('YYYY-MM-DD'), to: v.range![1].format('YYYY-MM-DD'), joint: program && v.joint },
      { onSuccess: (r) => void navigate({ to: '/reviews/$reviewId', params: { reviewId: r.id } }) },
    );

  return (
    <Modal
      open
      title={t('documentReviews.createTitle')}
      okText={t('reviews.createSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'document-review-create', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        <bdi>{d.title}</bdi>
      </Typography.Paragraph>
      <ErrorAlert error={create.error} />
      <Form<Values>
        form={form}
        id="document-review-create"
        name="document-review-create"
        layout="vertical"
        onFinish={submit}
        initialValues={{ unitId: d.issuingUnit.id, kind: 'so_ket', joint: program, range: issued ? [issued, dayjs()] : undefined }}
      >
        <Form.Item label={t('reviews.unit')} name="unitId" extra={t('documentReviews.unitHelp')} rules={[{ required: true, message: t('reviews.unitRequired') }]}>
          <UnitPicker initialLabel={d.issuingUnit.name} allowClear={false} />
        </Form.Item>
        <Form.Item label={t('documentReviews.kind')} name="kind">
          <Radio.Group options={(['so_ket', 'tong_ket'] as const).map((k) => ({ value: k, label: kindName(k) }))} />
        </Form.Item>
        <Form.Item label={t('reviews.range')} name="range" extra={t('documentReviews.rangeHelp')} rules={[{ required: true, message: t('reviews.rangeRequired') }]}>
          <DateRangeField disabledDate={(day) => (issued ? day.isBefore(issued, 'day') : false)} />
        </Form.Item>
        {program && (
          <Form.Item name="joint" valuePropName="checked" extra={t('documentReviews.jointHelp')}>
            <Checkbox>{t('documentReviews.jointLabel')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
