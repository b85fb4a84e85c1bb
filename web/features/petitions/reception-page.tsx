/**
 * Citizen reception sessions and dialogue conferences: the list (commitments done / overdue at a
 * glance) and recording a new one with the issues raised and the commitments made.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import Button from 'antd/es/button';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notBeforeToday } from '../../ui/deadline-rule';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { type SessionKind, type SessionSummary, useCreateSession, useSessions } from './reception.api';
import { DialogueDateFields, DialogueFlagTags } from './dialogue-flags';
import type { ResultsForm } from '../../../common/dialogue';

type Values = {
  kind: SessionKind;
  unitId: string;
  heldOn: Dayjs;
  title: string;
  presiding: string;
  attendees?: string;
  noticeOn?: Dayjs | null;
  resultsPublishedOn?: Dayjs | null;
  resultsForm?: ResultsForm;
  issues?: { summary: string }[];
  commitments?: { description: string; owner: string; deadline: Dayjs; issue?: number }[];
};

function CreateSession({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const create = useCreateSession();
  const navigate = useNavigate();
  const issues = Form.useWatch('issues', form) ?? [];
  const kind = Form.useWatch('kind', form);
  const required = [{ required: true, whitespace: true, message: t('petitions.public.required') }];
  const submit = (v: Values) =>
    create.mutate(
      {
        kind: v.kind,
        unitId: v.unitId,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        title: v.title,
        presiding: v.presiding,
        attendees: v.attendees,
        // Only a dialogue conference carries a notice and published results (the server refuses them otherwise).
        ...(v.kind === 'dialogue'
          ? { noticeOn: v.noticeOn?.format('YYYY-MM-DD'), resultsPublishedOn: v.resultsPublishedOn?.format('YYYY-MM-DD'), resultsForm: v.resultsForm }
          : {}),
        issues: (v.issues ?? []).filter((i) => i?.summary),
        commitments: (v.commitments ?? []).filter((c) => c?.description).map((c) => ({ description: c.description, owner: c.owner, deadline: c.deadline.format('YYYY-MM-DD'), issueIndex: c.issue })),
      },
      { onSuccess: (d) => void navigate({ to: '/reception/$sessionId', params: { sessionId: d.id } }) },
    );
  return (
    <Modal open width={720} title={t('reception.create')} okText={t('reception.save')} confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} layout="vertical" name="reception-session" initialValues={{ kind: 'dialogue', issues: [{ summary: '' }], commitments: [] }} onFinish={submit}>
        <Form.Item label={t('reception.kind')} name="kind">
          <Select options={(['dialogue', 'reception'] as const).map((k) => ({ value: k, label: t(`reception.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('petitions.filters.unit')} name="unitId" rules={[{ required: true, message: t('petitions.public.required') }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label={t('reception.heldOn')} name="heldOn" rules={[{ required: true, message: t('petitions.public.required') }]}>
          <DateField />
        </Form.Item>
        <Form.Item label={t('petitions.fields.title')} name="title" rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={t('reception.presiding')} name="presiding" rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('reception.attendees')} name="attendees">
          <Input.TextArea rows={2} />
        </Form.Item>
        {kind === 'dialogue' && <DialogueDateFields />}
        <Form.List name="issues">
          {(fields, { add, remove }) => (
            <>
              <div style={{ fontWeight: 600, marginBottom: 8 }}>{t('reception.issues')}</div>
              {fields.map((f, i) => (
                <div key={f.key} style={{ display: 'flex', gap: 8 }}>
                  <Form.Item name={[f.name, 'summary']} style={{ flex: 1 }} aria-label={t('reception.issue', { n: i + 1 })}>
                    <Input placeholder={t('reception.issue', { n: i + 1 })} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('reception.remove')}</Button>
                </div>
              ))}
              <Button onClick={() => add({ summary: '' })} style={{ marginBottom: 16 }}>
                {t('reception.addIssue')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.List name="commitments">
          {(fields, { add, remove }) => (
            <>
              <div style={{ fontWeight: 600, marginBottom: 8 }}>{t('reception.commitments')}</div>
              {fields.map((f) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                  <Form.Item name={[f.name, 'description']} rules={required} style={{ flex: '2 1 220px' }}>
                    <Input placeholder={t('reception.commitment')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'owner']} rules={required} style={{ flex: '1 1 140px' }}>
                    <Input placeholder={t('reception.owner')} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'deadline']}
                    rules={[{ required: true, message: t('petitions.public.required') }, notBeforeToday((today) => t('reception.deadlinePast', { today: format.date(today) }))]}
                  >
                    <DateField hint={t('reception.deadline')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'issue']} style={{ flex: '1 1 140px' }}>
                    <Select allowClear placeholder={t('reception.forIssue')} options={issues.map((iss, i) => ({ value: i, label: iss?.summary || t('reception.issue', { n: i + 1 }) }))} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('reception.remove')}</Button>
                </div>
              ))}
              <Button onClick={() => add()}>{t('reception.addCommitment')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function ReceptionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('data.write');
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState<{ unitId?: string; kind?: SessionKind; page: number }>({ page: 1 });
  const list = useSessions(q);
  return (
    <>
      <PageHeading title={t('reception.title')}>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('reception.create')}
          </Button>
        )}
      </PageHeading>
      {creating && <CreateSession onClose={() => setCreating(false)} />}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ flex: '1 1 260px' }}>
          <UnitPicker aria-label={t('petitions.filters.unit')} value={q.unitId} onChange={(unitId) => setQ({ ...q, unitId, page: 1 })} />
        </div>
        <Select
          allowClear
          style={{ width: 220 }}
          aria-label={t('reception.kind')}
          placeholder={t('reception.kind')}
          value={q.kind}
          onChange={(kind) => setQ({ ...q, kind, page: 1 })}
          options={(['dialogue', 'reception'] as const).map((k) => ({ value: k, label: t(`reception.kinds.${k}`) }))}
        />
      </div>
      <ErrorAlert error={list.error} />
      <Table<SessionSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: q.page, pageSize: 50, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setQ({ ...q, page }) }}
        columns={[
          { key: 'heldOn', title: t('reception.heldOn'), render: (_, s) => format.date(s.heldOn), width: 120 },
          { key: 'title', title: t('petitions.fields.title'), render: (_, s) => <Link to="/reception/$sessionId" params={{ sessionId: s.id }}>{s.title}</Link> },
          {
            key: 'kind',
            title: t('reception.kind'),
            render: (_, s) => (
              <>
                {t(`reception.kinds.${s.kind}`)} <DialogueFlagTags dialogue={s.dialogue} />
              </>
            ),
            width: 220,
          },
          { key: 'unit', title: t('petitions.filters.unit'), render: (_, s) => s.unit.name, width: 200 },
          {
            key: 'commitments',
            title: t('reception.commitments'),
            width: 200,
            render: (_, s) => (
              <>
                {t('reception.doneOf', { done: s.commitments.done, total: s.commitments.total })} {s.commitments.overdue > 0 && <Tag color="red">{t('reception.overdueCount', { count: s.commitments.overdue })}</Tag>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
