import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_KINDS, type BoardKind, SUPERVISION_LIMITS } from '../../../common/supervision';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { SupervisionError } from './supervision-errors';
import { type Board, useCreateBoard, useUpdateBoard } from './supervision.api';

type Member = { name?: string; position?: string; fromOn?: Dayjs | null };
type Values = { kind: BoardKind; projectName?: string; investor?: string; termFrom?: Dayjs | null; termTo?: Dayjs | null; electedOn?: Dayjs | null; electedBy?: string; members?: Member[] };

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

const fromIso = (d: string | null) => (d ? dayjs(d) : null);

/**
 * "Thêm ban": the kind, the project for an investment supervision board, the term, the election and
 * the members. With `board`, "Sửa thông tin ban": the same but its kind (a board of the other kind
 * is another board) and its members (added and ended one by one, each with its own record).
 */
export function BoardFormModal({ unitId, board, onClose }: { unitId: string; board?: Board; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const create = useCreateBoard();
  const update = useUpdateBoard(board?.id ?? '');
  const mutation = board ? update : create;
  const required = { required: true, message: t('supervision.form.required') };

  const submit = (v: Values) => {
    const termFrom = day(v.termFrom) ?? '';
    if (board) {
      const investment = board.kind === 'investment_supervision';
      update.mutate(
        {
          projectName: investment ? (v.projectName ?? '') : null,
          investor: investment ? v.investor || null : null,
          termFrom,
          termTo: day(v.termTo),
          electedOn: day(v.electedOn),
          electedBy: v.electedBy || null,
          version: board.version,
        },
        { onSuccess: onClose },
      );
      return;
    }
    create.mutate(
      {
        unitId,
        kind: v.kind,
        projectName: v.kind === 'investment_supervision' ? (v.projectName ?? '') : null,
        investor: v.kind === 'investment_supervision' ? v.investor || null : null,
        termFrom,
        termTo: day(v.termTo),
        electedOn: day(v.electedOn),
        electedBy: v.electedBy || null,
        members: (v.members ?? []).map((m) => ({ name: m.name ?? '', position: m.position ?? '', fromOn: day(m.fromOn) ?? termFrom })),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t(board ? 'supervision.boards.editTitle' : 'supervision.boards.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: mutation.isPending, disabled: isApiError(mutation.error, 'CONFLICT') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <SupervisionError error={mutation.error} />
      <Form<Values>
        form={form}
        id={formId}
        name="supervision-board"
        layout="vertical"
        onFinish={submit}
        initialValues={
          board
            ? {
                kind: board.kind,
                projectName: board.projectName ?? undefined,
                investor: board.investor ?? undefined,
                termFrom: fromIso(board.termFrom),
                termTo: fromIso(board.termTo),
                electedOn: fromIso(board.electedOn),
                electedBy: board.electedBy ?? undefined,
              }
            : { kind: 'inspection', members: [{ position: t('supervision.boards.head') }] }
        }
      >
        <Form.Item label={t('supervision.boards.kind')} name="kind" rules={[required]}>
          <Select disabled={!!board} options={BOARD_KINDS.map((k) => ({ value: k, label: t(`supervision.kinds.${k}`) }))} data-testid="board-kind" />
        </Form.Item>
        {kind === 'investment_supervision' && (
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item label={t('supervision.boards.project')} name="projectName" rules={[required]} style={{ flex: '1 1 280px' }}>
              <Input maxLength={SUPERVISION_LIMITS.text} />
            </Form.Item>
            <Form.Item label={t('supervision.boards.investor')} name="investor" style={{ flex: '1 1 220px' }}>
              <Input maxLength={SUPERVISION_LIMITS.text} />
            </Form.Item>
          </div>
        )}
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('supervision.boards.termFrom')} name="termFrom" rules={[required]} style={{ flex: '0 1 180px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('supervision.boards.termTo')} name="termTo" style={{ flex: '0 1 180px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('supervision.boards.electedOn')} name="electedOn" style={{ flex: '0 1 180px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label={t('supervision.boards.electedBy')} name="electedBy" extra={t('supervision.boards.electedByHelp')}>
          <Input maxLength={SUPERVISION_LIMITS.text} />
        </Form.Item>
        {!board && (
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('supervision.boards.members')}</legend>
                {fields.map((f, i) => (
                  <div key={f.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                    <Form.Item name={[f.name, 'name']} rules={[{ ...required, whitespace: true }]} style={{ flex: '1 1 200px' }}>
                      <Input placeholder={t('supervision.boards.memberName')} aria-label={t('supervision.boards.memberName')} maxLength={SUPERVISION_LIMITS.name} data-testid={`member-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'position']} rules={[{ ...required, whitespace: true }]} style={{ flex: '1 1 160px' }}>
                      <Input placeholder={t('supervision.boards.position')} aria-label={t('supervision.boards.position')} maxLength={SUPERVISION_LIMITS.position} data-testid={`member-position-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fromOn']} style={{ flex: '0 1 160px' }}>
                      <DateField hint={t('supervision.boards.memberFrom')} style={{ width: '100%' }} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('supervision.form.remove')}</Button>}
                  </div>
                ))}
                {fields.length < SUPERVISION_LIMITS.members && (
                  <Button onClick={() => add({ position: t('supervision.boards.member') })} data-testid="member-add">
                    {t('supervision.boards.addMember')}
                  </Button>
                )}
              </fieldset>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
