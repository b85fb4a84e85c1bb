/**
 * The public petition page (no sign-in): send a recommendation or reflection to a commune or
 * province, and look up a petition by its tracking code and secret. One narrow column that works
 * on a phone; the secret is shown once, with a plea to write it down.
 */
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Checkbox from 'antd/es/checkbox';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Result from 'antd/es/result';
import Select from 'antd/es/select';
import Tabs from 'antd/es/tabs';
import Upload, { type UploadFile } from 'antd/es/upload';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PETITION_LIMITS, type PublicStatus, type Receipt } from '../../../common/petitions';
import { currentLocale } from '../../app/i18n';
import { LanguageSwitcher } from '../../app/language-switcher';
import { ErrorAlert } from '../../ui/error-alert';
import { fileToBase64, useLookupPetition, usePublicForm, useSubmitPetition } from './petitions-public.api';

type SubmitValues = {
  provinceId?: string;
  communeId?: string;
  categoryCode: string;
  title: string;
  content: string;
  anonymous: boolean;
  name?: string;
  contact?: string;
  address?: string;
};

function SubmitForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SubmitValues>();
  const provinceId = Form.useWatch('provinceId', form);
  const anonymous = Form.useWatch('anonymous', form);
  const provinces = usePublicForm();
  const communes = usePublicForm(provinceId, Boolean(provinceId));
  const submit = useSubmitPetition();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const locale = currentLocale();

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('petitions.public.sent', { number: receipt.number })}
        subTitle={t('petitions.public.dueOn', { date: receipt.dueOn })}
        extra={
          <div style={{ textAlign: 'start' }}>
            <Alert type="warning" showIcon title={t('petitions.public.keepSecret')} style={{ marginBottom: 12 }} />
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('petitions.public.code')}>
                <code data-testid="tracking-code">{receipt.trackingCode}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.public.secret')}>
                <code data-testid="tracking-secret">{receipt.secret}</code>
              </Descriptions.Item>
            </Descriptions>
            <Button style={{ marginTop: 12 }} onClick={() => setReceipt(null)}>
              {t('petitions.public.another')}
            </Button>
          </div>
        }
      />
    );
  }

  const onFinish = async (v: SubmitValues) => {
    const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f.originFileObj as File) })));
    submit.mutate(
      {
        unitId: (v.communeId ?? v.provinceId)!,
        anonymous: v.anonymous,
        submitter: v.anonymous ? undefined : { name: v.name!, contact: v.contact, address: v.address },
        categoryCode: v.categoryCode,
        title: v.title,
        content: v.content,
        attachments,
      },
      {
        onSuccess: (r) => {
          setReceipt(r);
          setFiles([]);
          form.resetFields();
        },
      },
    );
  };

  return (
    <Form<SubmitValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ anonymous: false }} name="public-petition">
      <ErrorAlert error={submit.error} />
      <Form.Item label={t('petitions.public.province')} name="provinceId" rules={[{ required: true, message: t('petitions.public.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={provinces.isLoading}
          options={(provinces.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={() => form.setFieldValue('communeId', undefined)}
        />
      </Form.Item>
      <Form.Item label={t('petitions.public.commune')} name="communeId" extra={t('petitions.public.communeHelp')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} disabled={!provinceId} loading={communes.isLoading} options={(communes.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item label={t('petitions.fields.category')} name="categoryCode" rules={[{ required: true, message: t('petitions.public.required') }]}>
        <Select options={(provinces.data?.categories ?? []).map((c) => ({ value: c.code, label: c.names[locale] ?? c.names.vi }))} />
      </Form.Item>
      <Form.Item label={t('petitions.fields.title')} name="title" rules={[{ required: true, whitespace: true, max: PETITION_LIMITS.title, message: t('petitions.public.required') }]}>
        <Input maxLength={PETITION_LIMITS.title} />
      </Form.Item>
      <Form.Item label={t('petitions.fields.content')} name="content" rules={[{ required: true, whitespace: true, message: t('petitions.public.required') }]}>
        <Input.TextArea rows={6} maxLength={PETITION_LIMITS.publicContent} showCount />
      </Form.Item>
      <Form.Item name="anonymous" valuePropName="checked">
        <Checkbox>{t('petitions.public.anonymous')}</Checkbox>
      </Form.Item>
      {!anonymous && (
        <>
          <Form.Item label={t('petitions.fields.submitterName')} name="name" rules={[{ required: true, whitespace: true, max: PETITION_LIMITS.name, message: t('petitions.public.required') }]}>
            <Input autoComplete="name" maxLength={PETITION_LIMITS.name} />
          </Form.Item>
          <Form.Item label={t('petitions.fields.contact')} name="contact">
            <Input autoComplete="tel" maxLength={PETITION_LIMITS.contact} />
          </Form.Item>
          <Form.Item label={t('petitions.fields.address')} name="address">
            <Input autoComplete="street-address" maxLength={PETITION_LIMITS.address} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('petitions.fields.attachments')} extra={t('petitions.public.attachmentsHelp', { count: PETITION_LIMITS.publicAttachments, mb: PETITION_LIMITS.publicAttachmentBytes / 1024 / 1024 })}>
        <Upload
          accept=".jpg,.jpeg,.png,.webp,.pdf"
          fileList={files}
          maxCount={PETITION_LIMITS.publicAttachments}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList.slice(0, PETITION_LIMITS.publicAttachments))}
        >
          <Button>{t('petitions.public.chooseFile')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submit.isPending}>
        {t('petitions.public.send')}
      </Button>
    </Form>
  );
}

function LookupForm() {
  const { t } = useTranslation();
  const lookup = useLookupPetition();
  const [status, setStatus] = useState<PublicStatus | null>(null);
  return (
    <>
      <Form<{ code: string; secret: string }> layout="vertical" name="petition-lookup" onFinish={(v) => lookup.mutate(v, { onSuccess: setStatus, onError: () => setStatus(null) })}>
        {lookup.error ? <Alert type="error" showIcon title={t('petitions.public.notFound')} style={{ marginBottom: 12 }} /> : null}
        <Form.Item label={t('petitions.public.code')} name="code" rules={[{ required: true, whitespace: true, message: t('petitions.public.required') }]}>
          <Input autoCapitalize="characters" spellCheck={false} placeholder="XXXX-XXXX-XXXX" />
        </Form.Item>
        <Form.Item label={t('petitions.public.secret')} name="secret" rules={[{ required: true, whitespace: true, message: t('petitions.public.required') }]}>
          <Input.Password autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={lookup.isPending}>
          {t('petitions.public.lookUp')}
        </Button>
      </Form>
      {status && (
        <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="lookup-result">
          <Descriptions.Item label={t('petitions.fields.status')}>{t(`petitions.status.${status.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.receivedOn')}>{status.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.fields.dueOn')}>{status.dueOn}</Descriptions.Item>
          {status.closedOn && <Descriptions.Item label={t('petitions.fields.closedOn')}>{status.closedOn}</Descriptions.Item>}
          <Descriptions.Item label={t('petitions.fields.publicReply')}>{status.publicReply ?? t('petitions.public.noReplyYet')}</Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}

export function PublicPetitionPage() {
  const { t } = useTranslation();
  return (
    <main style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', padding: 12 }}>
      <div style={{ width: '100%', maxWidth: 560 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
          <h1 style={{ fontSize: 22, margin: 0, fontWeight: 600 }}>{t('petitions.public.title')}</h1>
          <LanguageSwitcher />
        </div>
        <p style={{ color: 'rgba(0,0,0,0.6)', marginTop: 0 }}>{t('petitions.public.intro')}</p>
        <Card>
          <Tabs
            items={[
              { key: 'send', label: t('petitions.public.tabSend'), children: <SubmitForm /> },
              { key: 'lookup', label: t('petitions.public.tabLookup'), children: <LookupForm /> },
            ]}
          />
        </Card>
      </div>
    </main>
  );
}
