/**
 * One petition: what it says, where it stands against its time limit, its history as a timeline,
 * the steps the reader may take (each in a small dialog), and the submitter — masked, with a
 * button that reveals the identity to holders of petitions.identity (the server audits it).
 */
import { useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Timeline from 'antd/es/timeline';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PETITION_KINDS, type PetitionAction, type PetitionDetail } from '../../../common/petitions';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberField } from '../../ui/number-field';
import { ButtonLink } from '../../ui/button-link';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { DueTag } from './due-tag';
import { HandlingUnitPicker } from './handling-unit-picker';
import { localName, usePetition, usePetitionAction, usePetitionSettings, useRevealIdentity } from './petitions.api';

/** The fields each step asks for. */
const STEP_FIELDS: Record<PetitionAction, ('kind' | 'categoryCode' | 'handlingUnitId' | 'reason' | 'note' | 'days' | 'result' | 'publicReply')[]> = {
  classify: ['kind', 'categoryCode'],
  assign: ['handlingUnitId'],
  transfer: ['handlingUnitId', 'reason'],
  start: [],
  progress: ['note'],
  extend: ['days', 'reason'],
  resolve: ['result', 'publicReply'],
  reject: ['reason', 'publicReply'],
  transfer_out: ['reason', 'publicReply'],
};
const REQUIRED = new Set(['handlingUnitId', 'note', 'days', 'result']);

function StepDialog({ petition, action, onClose }: { petition: PetitionDetail; action: PetitionAction; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const step = usePetitionAction(petition.id);
  const settings = usePetitionSettings();
  const [form] = Form.useForm<Record<string, unknown>>();
  const fields = STEP_FIELDS[action];
  const reasonRequired = action !== 'classify' && action !== 'start';
  return (
    <Modal
      open
      title={t(`petitions.actions.${action}`)}
      okText={t(`petitions.actions.${action}`)}
      confirmLoading={step.isPending}
      onCancel={onClose}
      // A form that does not validate shows its messages; the refusal of validateFields is that, not an error to leave unhandled.
      onOk={() =>
        void form.validateFields().then(
          (v) => step.mutate({ action, body: { ...v, version: petition.version } }, { onSuccess: onClose }),
          () => undefined,
        )
      }
    >
      <ErrorAlert error={step.error} />
      <Form form={form} layout="vertical" initialValues={{ kind: petition.kind, categoryCode: petition.categoryCode }}>
        {fields.includes('kind') && (
          <Form.Item label={t('petitions.fields.kind')} name="kind">
            <Select options={PETITION_KINDS.map((k) => ({ value: k, label: t(`petitions.kind.${k}`) }))} />
          </Form.Item>
        )}
        {fields.includes('categoryCode') && (
          <Form.Item label={t('petitions.fields.category')} name="categoryCode">
            <Select options={(settings.data?.categories ?? []).map((c) => ({ value: c.code, label: localName(c.names, i18n.language) }))} />
          </Form.Item>
        )}
        {fields.includes('handlingUnitId') && (
          <Form.Item label={t('petitions.fields.handlingUnit')} name="handlingUnitId" rules={[{ required: true, message: t('petitions.public.required') }]} extra={t(action === 'transfer' ? 'petitions.help.transfer' : 'petitions.help.assign')}>
            <HandlingUnitPicker petitionId={petition.id} action={action === 'transfer' ? 'transfer' : 'assign'} />
          </Form.Item>
        )}
        {fields.includes('days') && (
          <NumberField
            label={t('petitions.fields.extensionDays')}
            name="days"
            rules={[{ required: true, message: t('petitions.public.required') }]}
            extra={t('petitions.help.extend', { max: petition.timeLimit.maxExtensionDays, used: petition.extendedDays })}
            min={1}
            max={365}
            input={{ style: { width: 120 } }}
          />
        )}
        {fields.includes('note') && (
          <Form.Item label={t('petitions.fields.note')} name="note" rules={[{ required: true, whitespace: true, message: t('petitions.public.required') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {fields.includes('result') && (
          <Form.Item label={t('petitions.fields.result')} name="result" rules={[{ required: true, whitespace: true, message: t('petitions.public.required') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {fields.includes('reason') && (
          <Form.Item label={t('petitions.fields.reason')} name="reason" rules={reasonRequired ? [{ required: true, whitespace: true, message: t('petitions.public.required') }] : []}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {fields.includes('publicReply') && (
          <Form.Item
            label={t('petitions.fields.publicReply')}
            name="publicReply"
            extra={t('petitions.help.publicReply')}
            rules={action === 'resolve' || REQUIRED.has('publicReply') ? [{ required: true, whitespace: true, message: t('petitions.public.required') }] : []}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function PetitionDetailPage() {
  const { petitionId } = useParams({ strict: false }) as { petitionId: string };
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const petition = usePetition(petitionId);
  const settings = usePetitionSettings();
  const reveal = useRevealIdentity(petitionId);
  const [step, setStep] = useState<PetitionAction | null>(null);
  if (petition.isLoading) return <PageSpinner />;
  if (!petition.data) return <ErrorAlert error={petition.error} />;
  const p = petition.data;
  const identity = reveal.data;
  const category = localName(settings.data?.categories.find((c) => c.code === p.categoryCode)?.names ?? {}, i18n.language) || p.categoryCode;

  return (
    <>
      <PageHeading title={`${t('petitions.numberLabel', { number: p.number })} — ${p.title}`}>
        <Space wrap>
          <PrintButton />
          <ButtonLink to="/petitions/$petitionId/receipt" params={{ petitionId: p.id }}>
            {t('petitions.receipt.open')}
          </ButtonLink>
          {p.actions.map((a) => (
            <Button key={a} type={a === 'resolve' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setStep(a)}>
              {t(`petitions.actions.${a}`)}
            </Button>
          ))}
        </Space>
      </PageHeading>
      {step && <StepDialog petition={p} action={step} onClose={() => setStep(null)} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('petitions.fields.status')}>{t(`petitions.status.${p.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.dueOn')}>
            <Space>
              {format.date(p.dueOn)}
              <DueTag state={p.dueState} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.kind')}>{t(`petitions.kind.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.channel')}>{t(`petitions.channel.${p.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.category')}>{category}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.receivedOn')}>{format.date(p.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.unit')}>{p.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.handlingUnit')}>{p.handlingUnit.name}</Descriptions.Item>
          {p.concernedUnit && <Descriptions.Item label={t('petitions.fields.concernedUnit')}>{p.concernedUnit.name}</Descriptions.Item>}
          <Descriptions.Item label={t('petitions.fields.timeLimit')}>
            {t(`petitions.limit.${p.timeLimit.basis}`, { days: p.timeLimit.days })}
            {p.extendedDays ? ` + ${p.extendedDays}` : ''} — {p.timeLimit.source}
          </Descriptions.Item>
          <Descriptions.Item label={t('petitions.public.code')}>
            <code>{p.trackingCode}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.submitter')}>
            {p.submitter.anonymous ? t('petitions.anonymous') : p.submitter.erased ? t('petitions.erased') : identity ? (
              <span data-testid="identity">
                {[identity.name, identity.contact, identity.idNumber, identity.address].filter(Boolean).join(' · ')}
              </span>
            ) : (
              <Space>
                {[p.submitter.name, p.submitter.contact].filter(Boolean).join(' · ')}
                {p.canReadIdentity && (
                  <Button size="small" loading={reveal.isPending} onClick={() => reveal.mutate()}>
                    {t('petitions.revealIdentity')}
                  </Button>
                )}
              </Space>
            )}
          </Descriptions.Item>
        </Descriptions>
        <ErrorAlert error={reveal.error} />
        <p style={{ whiteSpace: 'pre-wrap' }}>{p.content}</p>
        {p.result && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('petitions.fields.result')}>{p.result}</Descriptions.Item>
            {p.publicReply && <Descriptions.Item label={t('petitions.fields.publicReply')}>{p.publicReply}</Descriptions.Item>}
          </Descriptions>
        )}
        {p.attachments.length > 0 && (
          <ul>
            {p.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/petitions/${p.id}/attachments/${a.id}`} target="_blank" rel="noreferrer">
                  {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={t('petitions.history')}>
        <Timeline
          items={p.transitions.map((x, i) => ({
            key: i,
            content: (
              <>
                <strong>{t(`petitions.actions.${x.action}`)}</strong> — {format.dateTime(x.at)} — {x.actorName ?? t(x.action === 'receive' ? 'petitions.byPublic' : 'audit.system')}
                {x.toUnit && (
                  <div>
                    {x.fromUnit ? `${x.fromUnit.name} → ` : ''}
                    {x.toUnit.name}
                  </div>
                )}
                {x.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{x.reason}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
