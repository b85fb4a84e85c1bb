/**
 * A board's members one by one: "Bổ sung thành viên" (elected later, or replacing one who left) and
 * "Kết thúc nhiệm vụ" (the term ended, resigned, dismissed — "bãi nhiệm"): the member leaves, the
 * record stays, and the reason goes to the audit. Both carry the board's version.
 */
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPERVISION_LIMITS } from '../../../common/supervision';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { SupervisionError } from './supervision-errors';
import { type Board, useAddBoardMember, useUpdateBoardMember } from './supervision.api';

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

export function AddMemberModal({ board, onClose }: { board: Board; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const add = useAddBoardMember(board.id);
  const required = { required: true, whitespace: true, message: t('supervision.form.required') };
  type Values = { name?: string; position?: string; fromOn?: Dayjs | null; toOn?: Dayjs | null };
  const submit = (v: Values) => add.mutate({ name: v.name ?? '', position: v.position ?? '', fromOn: day(v.fromOn) ?? '', toOn: day(v.toOn), version: board.version }, { onSuccess: onClose });
  return (
    <Modal
      open
      title={t('supervision.boards.addMemberTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: add.isPending, disabled: isApiError(add.error, 'CONFLICT') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <SupervisionError error={add.error} />
      <Form<Values> id={formId} name="supervision-member" layout="vertical" onFinish={submit} initialValues={{ position: t('supervision.boards.member'), fromOn: dayjs() }}>
        <Form.Item label={t('supervision.boards.memberName')} name="name" rules={[required]}>
          <Input maxLength={SUPERVISION_LIMITS.name} data-testid="new-member-name" />
        </Form.Item>
        <Form.Item label={t('supervision.boards.position')} name="position" rules={[required]}>
          <Input maxLength={SUPERVISION_LIMITS.position} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('supervision.boards.memberFrom')} name="fromOn" rules={[{ required: true, message: t('supervision.form.required') }]} style={{ flex: '1 1 160px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('supervision.boards.memberTo')} name="toOn" style={{ flex: '1 1 160px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

export function EndMemberModal({ board, member, onClose }: { board: Board; member: Board['members'][number]; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const end = useUpdateBoardMember(member.id);
  type Values = { toOn?: Dayjs | null; reason?: string };
  const submit = (v: Values) => end.mutate({ toOn: day(v.toOn), reason: v.reason ?? '', version: board.version }, { onSuccess: onClose });
  return (
    <Modal
      open
      title={t('supervision.boards.endMemberTitle', { name: member.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: end.isPending, disabled: isApiError(end.error, 'CONFLICT') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <SupervisionError error={end.error} />
      <p className="muted">{t('supervision.boards.endHelp')}</p>
      <Form<Values> id={formId} name="supervision-member-end" layout="vertical" onFinish={submit} initialValues={{ toOn: member.toOn ? dayjs(member.toOn) : null }}>
        <Form.Item label={t('supervision.boards.endOn')} name="toOn">
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('supervision.boards.endReason')} name="reason" extra={t('supervision.boards.endReasonHelp')} rules={[{ required: true, whitespace: true, message: t('supervision.form.required') }]}>
          <Input maxLength={SUPERVISION_LIMITS.text} data-testid="member-end-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
