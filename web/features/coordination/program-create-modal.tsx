import { useNavigate } from '@tanstack/react-router';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COORDINATION_LIMITS } from '../../../common/coordination';
import { POLICY_DOCUMENT_LIMITS } from '../../../common/policy-documents';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrorsOf } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { forceName, useCreateProgram, useForces } from './coordination.api';
import { PeriodFields } from './period-fields';

type Values = {
  partyUnitId?: string;
  forceCode?: string;
  forceBody?: string;
  periodFrom?: Dayjs | null;
  periodTo?: Dayjs | null;
  number?: string;
  symbol?: string;
  issuedOn?: Dayjs | null;
  title?: string;
};

/** The server names a field of the body (`body.document.title`); the form has it at the top. */
const FIELDS = ['partyUnitId', 'forceCode', 'forceBody', 'periodFrom', 'periodTo', 'document'] as const;

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/**
 * "Tạo chương trình phối hợp": the Party unit that signs, the force and its body, the period, and
 * the program's document (number, symbol, day signed, title). The document is created with it, as
 * a policy document of kind "chương trình phối hợp" issued by the Party unit.
 */
export function ProgramCreateModal({ unitId, unitName, onClose }: { unitId?: string; unitName?: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const forces = useForces();
  const create = useCreateProgram();
  const required = { required: true, whitespace: true, message: t('coordination.required') };

  const submit = (v: Values) =>
    create.mutate(
      {
        partyUnitId: v.partyUnitId ?? '',
        forceCode: v.forceCode ?? '',
        forceBody: v.forceBody ?? '',
        periodFrom: day(v.periodFrom),
        periodTo: day(v.periodTo),
        document: { number: v.number?.trim() || null, symbol: v.symbol?.trim() ?? '', issuedOn: day(v.issuedOn) || null, title: v.title ?? '' },
      },
      {
        onSuccess: (program) => void navigate({ to: '/coordination-programs/$programId', params: { programId: program.id } }),
        onError: (error) => {
          const fields = fieldErrorsOf(error).filter((f) => (FIELDS as readonly string[]).includes(f.name) && f.name !== 'document');
          if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: [t('coordination.fieldInvalid')] })));
        },
      },
    );

  return (
    <Modal
      open
      title={t('coordination.create.title')}
      okText={t('coordination.create.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'program-create', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} id="program-create" name="program" layout="vertical" onFinish={submit} initialValues={{ partyUnitId: unitId }} requiredMark={false}>
        <Form.Item label={t('coordination.fields.partyUnit')} name="partyUnitId" extra={t('coordination.create.partyUnitHelp')} rules={[{ required: true, message: t('coordination.required') }]}>
          <UnitPicker initialLabel={unitName} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('coordination.fields.force')} name="forceCode" rules={[{ required: true, message: t('coordination.required') }]} style={{ flex: '1 1 200px' }}>
            <Select<string> loading={forces.isFetching} options={(forces.data?.items ?? []).map((f) => ({ value: f.code, label: forceName(f, i18n.language) }))} />
          </Form.Item>
          <Form.Item label={t('coordination.fields.forceBody')} name="forceBody" extra={t('coordination.create.forceBodyHelp')} rules={[required]} style={{ flex: '2 1 280px' }}>
            <Input maxLength={COORDINATION_LIMITS.forceBody} />
          </Form.Item>
        </div>
        <PeriodFields />
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('coordination.fields.number')} name="number" style={{ flex: '1 1 100px' }}>
            <Input maxLength={POLICY_DOCUMENT_LIMITS.number} />
          </Form.Item>
          <Form.Item label={t('coordination.fields.symbol')} name="symbol" extra={t('coordination.create.symbolHelp')} rules={[required]} style={{ flex: '1 1 160px' }}>
            <Input maxLength={POLICY_DOCUMENT_LIMITS.symbol} dir="ltr" />
          </Form.Item>
          <Form.Item label={t('coordination.fields.issuedOn')} name="issuedOn" style={{ flex: '1 1 160px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label={t('coordination.fields.title')} name="title" rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={POLICY_DOCUMENT_LIMITS.title} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
