import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { HOTSPOT_LIMITS, HOTSPOT_SEVERITIES, HOTSPOT_STATUSES, type HotspotStatus, statusChangeNeedsReason } from '../../../common/hotspots';
import { ErrorAlert } from '../../ui/error-alert';
import { useHotspotWords } from './hotspot-words';
import { type HotspotDetail, useAddHotspotUpdate } from './hotspots.api';

type Values = { text?: string; status?: HotspotStatus; severity?: number; reason?: string };

/** Adds to the timeline; a status going back (or leaving "closed") asks for the reason, as the server does. */
export function HotspotUpdateForm({ hotspot }: { hotspot: HotspotDetail }) {
  const { t } = useTranslation();
  const words = useHotspotWords();
  const [form] = Form.useForm<Values>();
  const add = useAddHotspotUpdate(hotspot.id);
  const status = Form.useWatch('status', form) ?? hotspot.status;
  const needsReason = statusChangeNeedsReason(hotspot.status, status);
  const submit = (v: Values) =>
    add.mutate(
      { text: v.text ?? '', status: v.status, severity: v.severity, reason: needsReason ? v.reason : undefined, version: hotspot.version },
      { onSuccess: () => form.resetFields() },
    );
  return (
    <Form<Values> form={form} layout="vertical" name="hotspot-update" onFinish={submit} initialValues={{ status: hotspot.status, severity: hotspot.severity }} data-testid="hotspot-update-form">
      <ErrorAlert error={add.error} />
      <Form.Item label={t('hotspots.fields.updateText')} name="text" rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={HOTSPOT_LIMITS.text} data-testid="hotspot-update-text" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item label={t('hotspots.fields.status')} name="status" style={{ flex: '1 1 200px' }}>
          <Select options={HOTSPOT_STATUSES.map((s) => ({ value: s, label: words.status[s] }))} data-testid="hotspot-update-status" />
        </Form.Item>
        <Form.Item label={t('hotspots.fields.severity')} name="severity" style={{ flex: '1 1 200px' }}>
          <Select options={HOTSPOT_SEVERITIES.map((s) => ({ value: s, label: words.severity[s] }))} />
        </Form.Item>
      </div>
      {needsReason && (
        <Form.Item label={t('hotspots.fields.reason')} name="reason" extra={t('hotspots.form.reasonHelp')} rules={[{ required: true, whitespace: true, message: t('hotspots.form.reasonRequired') }]}>
          <Input maxLength={HOTSPOT_LIMITS.reason} data-testid="hotspot-update-reason-input" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="hotspot-update-submit">
        {t('hotspots.addUpdate')}
      </Button>
    </Form>
  );
}
