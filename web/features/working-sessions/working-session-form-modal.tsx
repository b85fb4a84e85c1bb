import { useNavigate } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKING_SESSION_LIMITS } from '../../../common/working-sessions';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { useMe } from '../auth/auth.api';
import { fieldErrorsOf } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { type MemberValues, WorkingSessionMembers } from './working-session-members';
import { useCreateWorkingSession, useUpdateWorkingSession, type WorkingSessionDetail } from './working-sessions.api';

type Values = { unitId?: string; leadingUnitId?: string; heldOn?: Dayjs | null; place?: string; content?: string; members?: MemberValues[] };

const FIELDS = ['unitId', 'leadingUnitId', 'heldOn', 'place', 'content', 'members'] as const;

const membersOf = (v: Values) => (v.members ?? []).map((m) => ({ name: m.name?.trim() ?? '', position: m.position?.trim() ?? '', isHead: !!m.isHead }));

type Props = {
  /** The session being changed; without it a new one is recorded. */
  session?: WorkingSessionDetail;
  /** The list's unit: the likely leading unit of a new session. */
  leadingUnit?: { id: string; name: string };
  onClose: () => void;
  onReload?: () => void;
};

/**
 * "Ghi nhận buổi làm việc": the unit worked with, the delegation's leading unit, the day, the
 * place, what was worked on and the delegation. A change is saved with the version the form was
 * opened on; when someone else saved meanwhile the form offers to reload instead of overwriting.
 */
export function WorkingSessionFormModal({ session, leadingUnit, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const formId = useId();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorkingSession();
  const update = useUpdateWorkingSession(session?.id ?? '');
  const saving = session ? update : create;
  const [conflict, setConflict] = useState(false);
  const ownGrant = me?.grants[0];
  const defaultLeading = leadingUnit ?? (ownGrant ? { id: ownGrant.unitId, name: ownGrant.unitName } : undefined);

  const markFields = (error: Error) => {
    setConflict(isApiError(error, 'CONFLICT'));
    const fields = fieldErrorsOf(error).filter((f) => (FIELDS as readonly string[]).includes(f.name) && f.name !== 'members');
    if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: [t('workingSessions.form.fieldInvalid')] })));
  };

  const submit = (v: Values) => {
    const common = { heldOn: v.heldOn?.format('YYYY-MM-DD') ?? '', place: v.place ?? '', content: v.content ?? '', members: membersOf(v) };
    if (!session) {
      create.mutate(
        { ...common, unitId: v.unitId ?? '', leadingUnitId: v.leadingUnitId ?? '' },
        { onSuccess: (s) => void navigate({ to: '/working-sessions/$sessionId', params: { sessionId: s.id } }), onError: markFields },
      );
      return;
    }
    update.mutate({ ...common, version: session.version }, { onSuccess: onClose, onError: markFields });
  };

  const initialValues: Values = session
    ? { heldOn: dayjs(session.heldOn), place: session.place, content: session.content, members: session.members.map((m) => ({ name: m.name, position: m.position, isHead: m.isHead })) }
    : { leadingUnitId: defaultLeading?.id, members: [{ name: '', position: '', isHead: true }] };

  return (
    <Modal
      open
      width={760}
      title={session ? t('workingSessions.form.editTitle') : t('workingSessions.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: saving.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('workingSessions.conflictTitle')}
          description={t('workingSessions.conflictHelp')}
          action={
            onReload && (
              <Button onClick={onReload} data-testid="working-session-reload">
                {t('common.reload')}
              </Button>
            )
          }
        />
      ) : (
        <ErrorAlert error={saving.error} />
      )}
      <Form<Values> form={form} id={formId} name="working-session" layout="vertical" onFinish={submit} initialValues={initialValues}>
        {session ? (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'unit', label: t('workingSessions.fields.unit'), children: <bdi>{session.unit.name}</bdi> },
              { key: 'leading', label: t('workingSessions.fields.leadingUnit'), children: <bdi>{session.leadingUnit.name}</bdi> },
            ]}
          />
        ) : (
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item label={t('workingSessions.fields.unit')} name="unitId" extra={t('workingSessions.form.unitHelp')} rules={[{ required: true, message: t('workingSessions.form.unitRequired') }]} style={{ flex: '1 1 280px' }}>
              <UnitPicker />
            </Form.Item>
            <Form.Item
              label={t('workingSessions.fields.leadingUnit')}
              name="leadingUnitId"
              extra={t('workingSessions.form.leadingUnitHelp')}
              rules={[{ required: true, message: t('workingSessions.form.unitRequired') }]}
              style={{ flex: '1 1 280px' }}
            >
              <UnitPicker initialLabel={defaultLeading?.name} allowClear={false} />
            </Form.Item>
          </div>
        )}
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('workingSessions.fields.heldOn')} name="heldOn" extra={t('workingSessions.form.heldOnHelp')} rules={[{ required: true, message: t('workingSessions.form.heldOnRequired') }]} style={{ flex: '0 1 200px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('workingSessions.fields.place')}
            name="place"
            rules={[{ required: true, whitespace: true, message: t('workingSessions.form.placeRequired') }, { max: WORKING_SESSION_LIMITS.place }]}
            style={{ flex: '1 1 300px' }}
          >
            <Input maxLength={WORKING_SESSION_LIMITS.place} />
          </Form.Item>
        </div>
        <Form.Item label={t('workingSessions.fields.content')} name="content" rules={[{ required: true, whitespace: true, message: t('workingSessions.form.contentRequired') }, { max: WORKING_SESSION_LIMITS.content }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={WORKING_SESSION_LIMITS.content} showCount />
        </Form.Item>
        <WorkingSessionMembers form={form} />
      </Form>
    </Modal>
  );
}
