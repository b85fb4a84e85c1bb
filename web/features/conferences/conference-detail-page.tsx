import { Link, useParams } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Table from 'antd/es/table';
import Typography from 'antd/es/typography';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { DecisionFields } from '../commendations/commendation-fields';
import { type Commendation, localName, useCommendations } from '../commendations/commendations.api';
import { useCommendedSummary } from '../commendations/use-commended-summary';
import { UnitPicker } from '../units/unit-picker';
import { ConferenceFormModal } from './conference-form-modal';
import { type ConferenceDetail, useCommendMany, useConference } from './conferences.api';
import { usePeriodLabel } from './use-period-label';

export function ConferenceDetailPage() {
  const { conferenceId } = useParams({ strict: false }) as { conferenceId: string };
  const conference = useConference(conferenceId);
  if (conference.isPending) return <PageSpinner />;
  if (conference.isError) return <ErrorAlert error={conference.error} />;
  return <ConferenceView conference={conference.data} onReload={() => void conference.refetch()} />;
}

function ConferenceView({ conference, onReload }: { conference: ConferenceDetail; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const summaryText = useCommendedSummary();
  const canWrite = useCan('data.write');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState(false);
  const commendations = useCommendations({ conferenceId: conference.id, limit: 50, offset: (page - 1) * 50 });

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/conferences">{t('conferences.backToList')}</Link>
      </Typography.Paragraph>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {conference.title}
        </Typography.Title>
        <Space wrap className="screen-only">
          <PrintButton />
          {canWrite && <Button onClick={() => setEditing(true)}>{t('conferences.edit')}</Button>}
        </Space>
      </Space>
      {editing && (
        <ConferenceFormModal
          // Reopened on the reloaded record after a conflict, so the form starts from its new version.
          key={conference.version}
          conference={conference}
          onClose={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'unit', label: t('conferences.unit'), children: conference.unit.name },
          { key: 'heldOn', label: t('conferences.heldOn'), children: format.date(conference.heldOn) },
          { key: 'period', label: t('conferences.period'), children: `${periodLabel(conference)} (${format.date(conference.periodStart)} – ${format.date(conference.periodEnd)})` },
          { key: 'participantsCount', label: t('conferences.participantsCount'), children: conference.participantsCount === null ? <EmptyValue /> : format.number(conference.participantsCount) },
          { key: 'participants', label: t('conferences.participants'), children: conference.participants ?? <EmptyValue /> },
          { key: 'notes', label: t('conferences.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{conference.notes ?? <EmptyValue />}</span> },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        {t('conferences.commendations')}
      </Typography.Title>
      <Typography.Paragraph strong data-testid="conference-summary">
        {summaryText(conference.commendations)}
      </Typography.Paragraph>
      <ErrorAlert error={commendations.error} />
      <Table<Commendation>
        rowKey="id"
        size="small"
        loading={commendations.isFetching}
        dataSource={commendations.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: commendations.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        columns={[
          { key: 'recipient', title: t('commendations.recipient'), render: (_, c) => (c.recipientKind === 'individual' ? [c.name, c.position].filter(Boolean).join(', ') : c.unit.name) },
          { key: 'kind', title: t('commendations.recipientKind'), render: (_, c) => (c.recipientKind === 'individual' ? t('commendations.individual') : t('commendations.collective')) },
          { key: 'unit', title: t('commendations.unit'), render: (_, c) => c.unit.name },
          { key: 'form', title: t('commendations.form'), render: (_, c) => localName(c.formNames, i18n.language, c.formCode) },
          { key: 'decision', title: t('commendations.decision'), render: (_, c) => t('commendations.decisionOf', { number: c.decisionNumber, date: format.date(c.decisionDate) }) },
        ]}
      />
      {canWrite && <CommendManyForm conferenceId={conference.id} />}
    </Card>
  );
}

type Values = {
  formCode: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  reason?: string;
  collectives?: { unitId?: string }[];
  individuals?: { name?: string; position?: string; unitId?: string }[];
};

/** One decision, many recipients: collectives (units) and individuals (name, position, unit). */
function CommendManyForm({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const commend = useCommendMany();
  const [form] = Form.useForm<Values>();
  const summaryText = useCommendedSummary();
  const [empty, setEmpty] = useState(false);

  const submit = (v: Values) => {
    const collectives = (v.collectives ?? []).flatMap((c) => (c.unitId ? [{ unitId: c.unitId }] : []));
    const individuals = (v.individuals ?? []).flatMap((i) => (i.unitId && i.name?.trim() ? [{ name: i.name.trim(), position: i.position?.trim() || null, unitId: i.unitId }] : []));
    setEmpty(collectives.length + individuals.length === 0);
    if (collectives.length + individuals.length === 0) return;
    commend.mutate(
      { conferenceId, formCode: v.formCode, decisionNumber: v.decisionNumber.trim(), decisionDate: v.decisionDate.format('YYYY-MM-DD'), reason: v.reason?.trim() || null, collectives, individuals },
      {
        onSuccess: (result) => {
          void message.success(summaryText(result));
          form.resetFields();
        },
      },
    );
  };

  return (
    <Card size="small" title={t('conferences.commendMany')} style={{ marginTop: 24 }}>
      <ErrorAlert error={commend.error} />
      {empty && <Typography.Paragraph type="danger">{t('conferences.nobodyToCommend')}</Typography.Paragraph>}
      <Form<Values> form={form} name="commend-many" layout="vertical" onFinish={submit} initialValues={{ collectives: [{}], individuals: [] }} style={{ maxWidth: 760 }}>
        <DecisionFields />
        <Form.Item label={t('commendations.reason')} name="reason" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('conferences.collectives')}
        </Typography.Title>
        <Form.List name="collectives">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('commendations.unitRequired') }]} style={{ minWidth: 420, marginBottom: 0 }}>
                    <UnitPicker aria-label={t('commendations.collectiveUnit')} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('entries.remove')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({})} style={{ marginBottom: 16 }}>
                {t('conferences.addCollective')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('conferences.individuals')}
        </Typography.Title>
        <Form.List name="individuals">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('commendations.personNameRequired') }, { max: 200 }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('commendations.personName')} aria-label={t('commendations.personName')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'position']} rules={[{ max: 200 }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('commendations.position')} aria-label={t('commendations.position')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('commendations.unitRequired') }]} style={{ minWidth: 320, marginBottom: 0 }}>
                    <UnitPicker aria-label={t('commendations.personUnit')} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('entries.remove')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({})} style={{ marginBottom: 16 }}>
                {t('conferences.addIndividual')}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={commend.isPending}>
            {t('conferences.commendSubmit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
