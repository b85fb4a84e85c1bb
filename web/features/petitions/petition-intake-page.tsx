/**
 * Recording a received petition (reception in person, hotline, mail, …). After saving, the
 * receipt with the tracking code and the secret (shown once) is printed for the citizen
 * (intake-receipt.tsx).
 */
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Checkbox from 'antd/es/checkbox';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Upload, { type UploadFile } from 'antd/es/upload';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PETITION_CHANNELS, PETITION_KINDS, PETITION_LIMITS, type PetitionChannel, type PetitionKind, type Receipt } from '../../../common/petitions';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { UnitPicker } from '../units/unit-picker';
import { IntakeReceipt } from './intake-receipt';
import { fileToBase64 } from './petitions-public.api';
import { localName, useIntake, usePetitionSettings } from './petitions.api';

type Values = {
  unitId: string;
  kind: PetitionKind;
  channel: PetitionChannel;
  anonymous: boolean;
  name?: string;
  contact?: string;
  idNumber?: string;
  address?: string;
  concernedUnitId?: string;
  categoryCode: string;
  title: string;
  content: string;
  receivedOn?: Dayjs;
};

export function PetitionIntakePage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const anonymous = Form.useWatch('anonymous', form);
  const settings = usePetitionSettings();
  const intake = useIntake();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const required = { required: true, whitespace: true, message: t('petitions.public.required') };

  if (receipt) return <IntakeReceipt receipt={receipt} />;

  const onFinish = async (v: Values) => {
    const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f.originFileObj as File) })));
    intake.mutate(
      {
        unitId: v.unitId,
        kind: v.kind,
        channel: v.channel,
        anonymous: v.anonymous,
        submitter: v.anonymous ? undefined : { name: v.name!, contact: v.contact, idNumber: v.idNumber, address: v.address },
        concernedUnitId: v.concernedUnitId,
        categoryCode: v.categoryCode,
        title: v.title,
        content: v.content,
        receivedOn: v.receivedOn?.format('YYYY-MM-DD'),
        attachments,
      },
      { onSuccess: setReceipt },
    );
  };

  return (
    <>
      <PageHeading title={t('petitions.intake.title')} />
      <Card>
        <ErrorAlert error={intake.error} />
        <Form<Values> form={form} layout="vertical" name="petition-intake" initialValues={{ kind: 'recommendation', channel: 'in_person', anonymous: false }} onFinish={(v) => void onFinish(v)} style={{ maxWidth: 720 }}>
          <Form.Item label={t('petitions.fields.unit')} name="unitId" rules={[{ required: true, message: t('petitions.public.required') }]}>
            <UnitPicker />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item label={t('petitions.fields.kind')} name="kind" style={{ flex: '1 1 200px' }}>
              <Select options={PETITION_KINDS.map((k) => ({ value: k, label: t(`petitions.kind.${k}`) }))} onChange={(k) => k !== 'recommendation' && form.setFieldValue('anonymous', false)} />
            </Form.Item>
            <Form.Item label={t('petitions.fields.channel')} name="channel" style={{ flex: '1 1 200px' }}>
              <Select options={PETITION_CHANNELS.map((c) => ({ value: c, label: t(`petitions.channel.${c}`) }))} />
            </Form.Item>
            <Form.Item label={t('petitions.fields.receivedOn')} name="receivedOn" style={{ flex: '1 1 160px' }}>
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Form.Item name="anonymous" valuePropName="checked" extra={kind !== 'recommendation' ? t('petitions.intake.anonymousOnlyRecommendation') : undefined}>
            <Checkbox disabled={kind !== 'recommendation'}>{t('petitions.public.anonymous')}</Checkbox>
          </Form.Item>
          {!anonymous && (
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <Form.Item label={t('petitions.fields.submitterName')} name="name" rules={[required]} style={{ flex: '1 1 260px' }}>
                <Input maxLength={PETITION_LIMITS.name} />
              </Form.Item>
              <Form.Item label={t('petitions.fields.contact')} name="contact" style={{ flex: '1 1 200px' }}>
                <Input maxLength={PETITION_LIMITS.contact} />
              </Form.Item>
              <Form.Item label={t('petitions.fields.idNumber')} name="idNumber" style={{ flex: '1 1 200px' }}>
                <Input maxLength={PETITION_LIMITS.idNumber} />
              </Form.Item>
              <Form.Item label={t('petitions.fields.address')} name="address" style={{ flex: '1 1 100%' }}>
                <Input maxLength={PETITION_LIMITS.address} />
              </Form.Item>
            </div>
          )}
          <Form.Item label={t('petitions.fields.concernedUnit')} name="concernedUnitId">
            <UnitPicker />
          </Form.Item>
          <Form.Item label={t('petitions.fields.category')} name="categoryCode" rules={[{ required: true, message: t('petitions.public.required') }]}>
            <Select options={(settings.data?.categories ?? []).map((c) => ({ value: c.code, label: localName(c.names, i18n.language) }))} />
          </Form.Item>
          <Form.Item label={t('petitions.fields.title')} name="title" rules={[required]}>
            <Input maxLength={PETITION_LIMITS.title} />
          </Form.Item>
          <Form.Item label={t('petitions.fields.content')} name="content" rules={[required]}>
            <Input.TextArea rows={6} maxLength={PETITION_LIMITS.content} />
          </Form.Item>
          <Form.Item label={t('petitions.fields.attachments')} extra={t('petitions.public.attachmentsHelp', { count: PETITION_LIMITS.attachments, mb: PETITION_LIMITS.attachmentBytes / 1024 / 1024 })}>
            <Upload accept=".jpg,.jpeg,.png,.webp,.pdf" fileList={files} maxCount={PETITION_LIMITS.attachments} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, PETITION_LIMITS.attachments))}>
              <Button>{t('petitions.public.chooseFile')}</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={intake.isPending}>
            {t('petitions.intake.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
