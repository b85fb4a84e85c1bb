/**
 * The document part of a document review's page: the document reviewed, the ordinal ("N năm thực
 * hiện", editable while a draft: the default title follows it), the roll-up snapshot by child unit
 * with the overdue tasks, and the commended units (edited as a whole list, with the review's version).
 */
import { Link } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Space from 'antd/es/space';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberField } from '../../ui/number-field';
import { useFormat } from '../../ui/use-format';
import { UnitPicker } from '../units/unit-picker';
import { useDocumentReviewKindName } from './document-review-words';
import { ReviewConflictAlert } from './review-conflict-alert';
import { type DocumentReviewCounts, type ReviewDetail, type ReviewOfDocument, usePutCommendedUnits, useUpdateReview } from './reviews.api';

const FORM_MAX = 300;

type Row = DocumentReviewCounts & { key: string; name: string; total?: boolean };

const subheading = (text: string) => (
  <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
    {text}
  </Typography.Title>
);

export function DocumentReviewPart({ review, of, editable, onReload }: { review: ReviewDetail; of: ReviewOfDocument; editable: boolean; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const kindName = useDocumentReviewKindName();
  const d = of.document;
  const f = of.documentFigures;
  const n = (v: number) => format.number(v);
  const rows: Row[] = f
    ? [
        ...f.children.map((c) => ({ ...c, key: c.unit.id, name: c.unit.name })),
        ...(f.own.leaves > 0 ? [{ ...f.own, key: 'own', name: t('documentReviews.ownTasks', { unit: review.unit.name }) }] : []),
        { ...f.totals, key: 'total', name: t('documentReviews.total'), total: true },
      ]
    : [];
  const bold = (r: Row, text: string) => (r.total ? <strong>{text}</strong> : text);

  return (
    <div data-testid="document-review-part">
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'document',
            label: t('documentReviews.document'),
            children: (
              <Link to="/policy-documents/$documentId" params={{ documentId: d.id }} data-testid="document-review-document">
                {d.kindNames[i18n.language] ?? d.kindNames.vi} <bdi dir="ltr">{d.number ? `${d.number}-${d.symbol}` : d.symbol}</bdi>
                {d.issuedOn && ` · ${format.date(d.issuedOn)}`} · <bdi>{d.issuingBody}</bdi>
              </Link>
            ),
          },
          {
            key: 'kind',
            label: t('documentReviews.kind'),
            children: (
              <>
                {kindName(of.kind)}
                {of.joint && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('documentReviews.joint')}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'ordinal', label: t('documentReviews.ordinal'), children: <OrdinalEditor review={review} editable={editable} onReload={onReload} /> },
          { key: 'at', label: t('documentReviews.figuresAt'), children: f ? format.date(f.at) : '—' },
        ]}
      />
      {subheading(t('documentReviews.byUnit'))}
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ x: true }}
        locale={{ emptyText: t('documentReviews.noTasks') }}
        data-testid="document-review-figures"
        columns={[
          { key: 'unit', title: t('reviews.unit'), render: (_, r) => bold(r, r.name) },
          { key: 'tasked', title: t('documentReviews.tasked'), align: 'right', render: (_, r) => bold(r, n(r.leaves)) },
          { key: 'done', title: t('documentReviews.done'), align: 'right', render: (_, r) => bold(r, n(r.done)) },
          { key: 'overdue', title: t('documentReviews.overdue'), align: 'right', render: (_, r) => bold(r, n(r.overdue)) },
          { key: 'reported', title: t('documentReviews.reported'), align: 'right', render: (_, r) => bold(r, `${n(r.unitsReported)}/${n(r.unitsTasked)}`) },
        ]}
      />
      {f && f.overdue.length > 0 && (
        <>
          {subheading(t('documentReviews.overdueTasks', { n: f.overdueTotal }))}
          <Table
            size="small"
            pagination={false}
            rowKey="taskId"
            dataSource={f.overdue}
            scroll={{ x: true }}
            columns={[
              {
                key: 'content',
                title: t('documentReviews.task'),
                render: (_, r) => (
                  <Link to="/tasks/$taskId" params={{ taskId: r.taskId }}>
                    <bdi>{r.content}</bdi>
                  </Link>
                ),
              },
              { key: 'owner', title: t('reviews.unit'), render: (_, r) => <bdi>{r.owner.name}</bdi> },
              { key: 'deadline', title: t('documentReviews.deadline'), render: (_, r) => format.date(r.deadline) },
            ]}
          />
        </>
      )}
      <CommendedUnits review={review} of={of} editable={editable} onReload={onReload} />
    </div>
  );
}

function OrdinalEditor({ review, editable, onReload }: { review: ReviewDetail; editable: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateReview();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ ordinalYears: number }>();
  const shown = review.ordinalYears === null ? '—' : format.number(review.ordinalYears);
  if (!editing) {
    return (
      <Space wrap>
        <span data-testid="document-review-ordinal">{shown}</span>
        {editable && (
          <Button size="small" className="screen-only" onClick={() => setEditing(true)} data-testid="document-review-ordinal-edit">
            {t('documentReviews.ordinalEdit')}
          </Button>
        )}
      </Space>
    );
  }
  return (
    <>
      {isApiError(update.error, 'CONFLICT') ? <ReviewConflictAlert title={t('reviews.conflictTitle')} onReload={onReload} /> : <ErrorAlert error={update.error} />}
      <Form
        form={form}
        layout="inline"
        initialValues={{ ordinalYears: review.ordinalYears ?? 0 }}
        onFinish={(v) => update.mutate({ id: review.id, version: review.version, ordinalYears: v.ordinalYears }, { onSuccess: () => setEditing(false) })}
      >
        <NumberField name="ordinalYears" aria-label={t('documentReviews.ordinal')} min={0} max={200} grouping={false} rules={[{ required: true }]} input={{ style: { width: 90 } }} />
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      </Form>
      <Typography.Text type="secondary">{t('documentReviews.ordinalHelp')}</Typography.Text>
    </>
  );
}

type CommendedValues = { items: { unitId?: string; form?: string; label?: string; commendationId?: string | null }[] };

function CommendedUnits({ review, of, editable, onReload }: { review: ReviewDetail; of: ReviewOfDocument; editable: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const put = usePutCommendedUnits();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<CommendedValues>();
  const close = () => {
    put.reset();
    setEditing(false);
  };

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        {subheading(t('documentReviews.commended'))}
        {editable && (
          <Button size="small" className="screen-only" onClick={() => setEditing(true)} data-testid="commended-edit">
            {t('documentReviews.commendedEdit')}
          </Button>
        )}
      </div>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.unit.id}
        dataSource={of.commendedUnits}
        locale={{ emptyText: t('documentReviews.commendedNone') }}
        scroll={{ x: true }}
        data-testid="commended-units"
        columns={[
          { key: 'unit', title: t('reviews.unit'), render: (_, r) => <bdi>{r.unit.name}</bdi> },
          { key: 'form', title: t('documentReviews.form'), render: (_, r) => <bdi>{r.form}</bdi> },
        ]}
      />
      {editing && (
        <Modal
          open
          width={720}
          title={t('documentReviews.commended')}
          okText={t('common.save')}
          cancelText={t('common.cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'commended-units', loading: put.isPending }}
          onCancel={close}
          destroyOnHidden
        >
          {isApiError(put.error, 'CONFLICT') ? <ReviewConflictAlert title={t('reviews.conflictTitle')} onReload={onReload} /> : <ErrorAlert error={put.error} />}
          <Form<CommendedValues>
            form={form}
            id="commended-units"
            name="commended-units"
            layout="vertical"
            initialValues={{ items: of.commendedUnits.map((c) => ({ unitId: c.unit.id, label: c.unit.name, form: c.form, commendationId: c.commendationId })) }}
            onFinish={(v) =>
              put.mutate(
                { id: review.id, version: review.version, items: v.items.map((i) => ({ unitId: i.unitId!, form: i.form!, commendationId: i.commendationId ?? null })) },
                { onSuccess: close },
              )
            }
          >
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, i) => (
                    <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }} data-testid="commended-row">
                      <Form.Item name={[field.name, 'unitId']} label={i === 0 ? t('reviews.unit') : undefined} style={{ flex: '1 1 220px' }} rules={[{ required: true, message: t('reviews.unitRequired') }]}>
                        <UnitPicker initialLabel={form.getFieldValue(['items', field.name, 'label']) as string | undefined} aria-label={t('reviews.unit')} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'form']}
                        label={i === 0 ? t('documentReviews.form') : undefined}
                        style={{ flex: '2 1 260px' }}
                        rules={[{ required: true, whitespace: true, message: t('documentReviews.formRequired') }, { max: FORM_MAX }]}
                      >
                        <Input maxLength={FORM_MAX} placeholder={t('documentReviews.formPlaceholder')} aria-label={t('documentReviews.form')} />
                      </Form.Item>
                      <Button onClick={() => remove(field.name)} style={{ marginTop: i === 0 ? 30 : 0 }} aria-label={t('documentReviews.remove')}>
                        {t('documentReviews.remove')}
                      </Button>
                    </div>
                  ))}
                  <Button onClick={() => add({ form: '' })} data-testid="commended-add">
                    {t('documentReviews.add')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form>
        </Modal>
      )}
    </>
  );
}
