import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Popconfirm from 'antd/es/popconfirm';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORTING_LIMITS } from '../../../common/reporting-rounds';
import { isApiError } from '../../app/api-client';
import { ButtonLink } from '../../ui/button-link';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { useErrorMessage } from '../../ui/use-error-message';
import { type Participant, type RoundDetail, useReturnSubmission, useSubmissionStep, useUpdateParticipant } from './reporting-rounds.api';
import { isolated } from './round-words';

/** States in which the unit still owes its report: it may be given more time or let off. */
const OWING = new Set(['pending', 'draft', 'returned']);

/**
 * What the reader may do with one participant: while the round is open, the opening unit's editors
 * extend its due day or excuse it while it owes its report, accept or return (with the reason) what
 * it sent, and the participant's own editors write its report; once closed, only an acceptance. A refusal is said in a message, and the
 * list is fetched again (a CONFLICT means it showed an old version).
 */
export function ParticipantActions({ round, participant: p }: { round: RoundDetail; participant: Participant }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const errorMessage = useErrorMessage();
  const update = useUpdateParticipant();
  const step = useSubmissionStep();
  const [dialog, setDialog] = useState<'extend' | 'return' | null>(null);
  const manage = round.can.manage;
  const open = round.status === 'open';
  const onError = (error: unknown) => void message.error(isApiError(error, 'CONFLICT') ? t('reportingRounds.listConflict') : errorMessage(error));
  const submitted = p.state === 'submitted' && p.submissionId !== null && p.submissionVersion !== null;

  return (
    <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }} data-testid="participant-actions">
      {/* The opening unit's editors may write for a commune too, but in their list that is one click on its name, not a button on every row. */}
      {p.can.submit && !manage && open && OWING.has(p.state) && (
        <ButtonLink size="small" primary to="/reporting-rounds/$roundId/submit/$unitId" params={{ roundId: round.id, unitId: p.unit.id }} data-testid="write-submission">
          {t('reportingRounds.ownSubmission')}
        </ButtonLink>
      )}
      {manage && open && OWING.has(p.state) && (
        <>
          <Button size="small" onClick={() => setDialog('extend')} data-testid="participant-extend">
            {t('reportingRounds.actions.extend')}
          </Button>
          <Popconfirm
            title={t('reportingRounds.actions.excuseConfirm', { unit: isolated(p.unit.name) })}
            okText={t('reportingRounds.actions.excuse')}
            cancelText={t('common.cancel')}
            onConfirm={() => update.mutate({ roundId: round.id, unitId: p.unit.id, excused: true }, { onError })}
          >
            <Button size="small" loading={update.isPending} data-testid="participant-excuse">
              {t('reportingRounds.actions.excuse')}
            </Button>
          </Popconfirm>
        </>
      )}
      {manage && open && p.state === 'excused' && (
        <Button size="small" loading={update.isPending} onClick={() => update.mutate({ roundId: round.id, unitId: p.unit.id, excused: false }, { onError })} data-testid="participant-unexcuse">
          {t('reportingRounds.actions.unexcuse')}
        </Button>
      )}
      {manage && submitted && (
        <>
          <Popconfirm
            title={t('reportingRounds.actions.acceptConfirm', { unit: isolated(p.unit.name) })}
            okText={t('reportingRounds.actions.accept')}
            cancelText={t('common.cancel')}
            onConfirm={() => step.mutate({ id: p.submissionId as string, version: p.submissionVersion as number, step: 'accept' }, { onError })}
          >
            <Button size="small" type="primary" loading={step.isPending} data-testid="participant-accept">
              {t('reportingRounds.actions.accept')}
            </Button>
          </Popconfirm>
          {/* A closed round still takes an acceptance (a unit that sent holds nothing open), never a return. */}
          {open && (
            <Button size="small" danger onClick={() => setDialog('return')} data-testid="participant-return">
              {t('reportingRounds.actions.return')}
            </Button>
          )}
        </>
      )}
      {dialog === 'extend' && <ExtendDialog round={round} participant={p} onClose={() => setDialog(null)} />}
      {dialog === 'return' && p.submissionId && p.submissionVersion !== null && (
        <ReturnDialog submissionId={p.submissionId} version={p.submissionVersion} unitName={p.unit.name} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}

/** A new due day for one unit (an extension): its late or on-time is then counted against that day. */
function ExtendDialog({ round, participant, onClose }: { round: RoundDetail; participant: Participant; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateParticipant();
  const [form] = Form.useForm<{ dueOn: Dayjs | null }>();
  return (
    <Modal
      open
      title={t('reportingRounds.actions.extendTitle', { unit: isolated(participant.unit.name) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'participant-extend', loading: update.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={update.error} />
      <Form
        form={form}
        id="participant-extend"
        name="participant-extend"
        layout="vertical"
        initialValues={{ dueOn: dayjs(participant.dueOn) }}
        onFinish={(v) => update.mutate({ roundId: round.id, unitId: participant.unit.id, dueOn: v.dueOn?.format('YYYY-MM-DD') }, { onSuccess: onClose })}
      >
        <Form.Item
          label={t('reportingRounds.actions.newDueOn')}
          name="dueOn"
          extra={t('reportingRounds.actions.extendHelp')}
          rules={[
            { required: true, message: t('reportingRounds.open.dueOnRequired') },
            {
              validator: async (_, value: Dayjs | null | undefined) => {
                if (value && value.isBefore(dayjs(round.periodFrom), 'day')) throw new Error(t('reportingRounds.open.dueOnBeforePeriod'));
              },
            },
          ]}
        >
          <DateField style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sends a submission back to its unit with the reason, which the unit reads above its form. */
export function ReturnDialog({ submissionId, version, unitName, onClose }: { submissionId: string; version: number; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ret = useReturnSubmission();
  return (
    <Modal
      open
      title={t('reportingRounds.actions.returnTitle', { unit: isolated(unitName) })}
      okText={t('reportingRounds.actions.return')}
      okButtonProps={{ htmlType: 'submit', form: 'submission-return', loading: ret.isPending, danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={ret.error} />
      <Form<{ reason: string }> id="submission-return" name="submission-return" layout="vertical" onFinish={(v) => ret.mutate({ id: submissionId, version, reason: v.reason.trim() }, { onSuccess: onClose })}>
        <Form.Item
          label={t('reportingRounds.actions.returnReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('reportingRounds.actions.returnReasonRequired') }, { max: REPORTING_LIMITS.returnReason }]}
        >
          <Input.TextArea rows={4} maxLength={REPORTING_LIMITS.returnReason} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
