import { useNavigate } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import AutoComplete from 'antd/es/auto-complete';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../common/access';
import { foldedMatch } from '../../../common/text-fold';
import { POLICY_DOCUMENT_LIMITS, POLICY_DOCUMENT_NUMBER, POLICY_DOCUMENT_SYMBOL } from '../../../common/policy-documents';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { fieldErrorsOf } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { PolicyDocumentError } from './policy-document-error';
import { kindName, type PolicyDocumentDetail, useCreatePolicyDocument, usePolicyDocumentKinds, useUpdatePolicyDocument } from './policy-documents.api';

/** Bodies that issue most central documents; any other is typed. The symbol "/TW" does not say which (docs/leadership-loop.md section 1). */
const COMMON_BODIES = ['Ban Chấp hành Trung ương', 'Bộ Chính trị', 'Ban Bí thư'];

type Values = {
  kind?: string;
  issuingUnitId?: string;
  issuingBody?: string;
  number?: string;
  symbol?: string;
  issuedOn?: Dayjs | null;
  title?: string;
  summary?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  restrictedRoles?: Role[];
};

const FIELDS = ['kind', 'issuingUnitId', 'issuingBody', 'number', 'symbol', 'issuedOn', 'title', 'summary', 'validFrom', 'validTo', 'restrictedRoles'] as const;

function valuesOf(d: PolicyDocumentDetail): Values {
  return {
    kind: d.kind,
    issuingBody: d.issuingBody,
    number: d.number ?? undefined,
    symbol: d.symbol,
    issuedOn: d.issuedOn ? dayjs(d.issuedOn) : null,
    title: d.title,
    summary: d.summary ?? undefined,
    validFrom: d.validFrom ? dayjs(d.validFrom) : null,
    validTo: d.validTo ? dayjs(d.validTo) : null,
    restrictedRoles: d.restrictedRoles ?? [],
  };
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The fields as the API takes them (no number or date → null, no roles → not restricted). */
function bodyOf(v: Values) {
  return {
    kind: v.kind ?? '',
    issuingBody: v.issuingBody?.trim() ?? '',
    number: v.number?.trim() || null,
    symbol: v.symbol?.trim() ?? '',
    issuedOn: day(v.issuedOn),
    title: v.title?.trim() ?? '',
    // The API takes text here, never null: a blank summary is how it is cleared.
    summary: v.summary?.trim() ?? '',
    validFrom: day(v.validFrom),
    validTo: day(v.validTo),
    restrictedRoles: v.restrictedRoles?.length ? v.restrictedRoles : null,
  };
}

type Props = { document?: PolicyDocumentDetail; onClose: () => void; onReload?: () => void };

/**
 * Records a document (a draft), or changes one (`document` given): only the changed fields are
 * sent, with the version the form was opened on. When someone else saved meanwhile the server
 * answers CONFLICT and the form offers to reload the document instead of overwriting their change.
 */
export function PolicyDocumentFormModal({ document, onClose, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const kinds = usePolicyDocumentKinds();
  const create = useCreatePolicyDocument();
  const update = useUpdatePolicyDocument();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const saving = document ? update : create;

  const markFields = (error: Error) => {
    setConflict(isApiError(error, 'CONFLICT'));
    const fields = fieldErrorsOf(error).filter((f) => (FIELDS as readonly string[]).includes(f.name));
    if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: [t('policyDocuments.fieldInvalid')] })));
  };

  const submit = (v: Values) => {
    const body = bodyOf(v);
    if (!document) {
      create.mutate(
        { ...body, issuingUnitId: v.issuingUnitId ?? '' },
        { onSuccess: (d) => void navigate({ to: '/policy-documents/$documentId', params: { documentId: d.id } }), onError: markFields },
      );
      return;
    }
    const before = bodyOf(valuesOf(document));
    const changes = Object.fromEntries(Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])));
    if (!Object.keys(changes).length) return onClose();
    update.mutate({ id: document.id, version: document.version, ...changes }, { onSuccess: onClose, onError: markFields });
  };

  // A new kind suggests its symbol ("NQ/") when the symbol is still empty or only another kind's suggestion.
  const onKindChange = (code: string) => {
    const symbol = (form.getFieldValue('symbol') as string | undefined)?.trim() ?? '';
    const suggested = (kinds.data?.items ?? []).some((k) => symbol === `${k.symbol}/`);
    const kind = kinds.data?.items.find((k) => k.code === code);
    if (kind && (!symbol || suggested)) form.setFieldValue('symbol', `${kind.symbol}/`);
  };

  return (
    <Modal
      open
      title={document ? t('policyDocuments.editTitle') : t('policyDocuments.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'policy-document', loading: saving.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('policyDocuments.conflictTitle')}
          description={t('policyDocuments.conflictHelp')}
          action={onReload && <Button onClick={onReload}>{t('common.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <PolicyDocumentError error={saving.error} />
      )}
      {!document && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('policyDocuments.classifiedWarning')} data-testid="classified-warning" />}
      <Form<Values> form={form} id="policy-document" name="policy-document" layout="vertical" onFinish={submit} initialValues={document ? valuesOf(document) : { restrictedRoles: [] }}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('policyDocuments.fields.kind')} name="kind" rules={[{ required: true, message: t('policyDocuments.kindRequired') }]} style={{ flex: '1 1 200px' }}>
            <Select<string>
              loading={kinds.isFetching}
              onChange={onKindChange}
              options={(kinds.data?.items ?? []).map((k) => ({ value: k.code, label: `${kindName(kinds.data?.items, k.code, i18n.language)} (${k.symbol})` }))}
            />
          </Form.Item>
          <Form.Item label={t('policyDocuments.fields.issuedOn')} name="issuedOn" style={{ flex: '0 1 200px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {!document && (
          <Form.Item label={t('policyDocuments.fields.issuingUnit')} name="issuingUnitId" extra={t('policyDocuments.issuingUnitHelp')} rules={[{ required: true, message: t('policyDocuments.issuingUnitRequired') }]}>
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item
          label={t('policyDocuments.fields.issuingBody')}
          name="issuingBody"
          rules={[{ required: true, whitespace: true, message: t('policyDocuments.issuingBodyRequired') }, { max: POLICY_DOCUMENT_LIMITS.issuingBody }]}
        >
          <AutoComplete
            options={COMMON_BODIES.map((b) => ({ value: b }))}
            // Typed without diacritics too ("ban bi thu"); a body not in the list closes the suggestions.
            showSearch={{ filterOption: (input, option) => foldedMatch(String(option?.value ?? ''), input) }}
            maxLength={POLICY_DOCUMENT_LIMITS.issuingBody}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            label={t('policyDocuments.fields.number')}
            name="number"
            extra={t('policyDocuments.numberHelp')}
            rules={[{ max: POLICY_DOCUMENT_LIMITS.number }, { pattern: POLICY_DOCUMENT_NUMBER, message: t('policyDocuments.numberInvalid') }]}
            style={{ flex: '0 1 160px' }}
          >
            <Input maxLength={POLICY_DOCUMENT_LIMITS.number} dir="ltr" />
          </Form.Item>
          <Form.Item
            label={t('policyDocuments.fields.symbol')}
            name="symbol"
            extra={t('policyDocuments.symbolHelp')}
            rules={[
              { required: true, whitespace: true, message: t('policyDocuments.symbolRequired') },
              { max: POLICY_DOCUMENT_LIMITS.symbol },
              { pattern: POLICY_DOCUMENT_SYMBOL, message: t('policyDocuments.symbolInvalid') },
            ]}
            style={{ flex: '1 1 200px' }}
          >
            <Input maxLength={POLICY_DOCUMENT_LIMITS.symbol} dir="ltr" />
          </Form.Item>
        </div>
        <Form.Item label={t('policyDocuments.fields.title')} name="title" rules={[{ required: true, whitespace: true, message: t('policyDocuments.titleRequired') }, { max: POLICY_DOCUMENT_LIMITS.title }]}>
          <Input.TextArea rows={2} maxLength={POLICY_DOCUMENT_LIMITS.title} />
        </Form.Item>
        <Form.Item label={t('policyDocuments.fields.summary')} name="summary" rules={[{ max: POLICY_DOCUMENT_LIMITS.summary }]}>
          <Input.TextArea rows={4} maxLength={POLICY_DOCUMENT_LIMITS.summary} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('policyDocuments.fields.validFrom')} name="validFrom" style={{ flex: '0 1 200px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('policyDocuments.fields.validTo')}
            name="validTo"
            dependencies={['validFrom']}
            style={{ flex: '0 1 200px' }}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                  if (value && from && !value.isAfter(from, 'day')) throw new Error(t('policyDocuments.validToBeforeFrom'));
                },
              }),
            ]}
          >
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label={t('policyDocuments.fields.restrictedRoles')} name="restrictedRoles" extra={t('policyDocuments.restrictedHelp')}>
          <Select<Role[]> mode="multiple" allowClear placeholder={t('policyDocuments.notRestricted')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
