import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HOTSPOT_LIMITS } from '../../../common/hotspots';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { useHotspotWords } from './hotspot-words';
import { type HotspotDetail, useUpdateHotspot } from './hotspots.api';

type Values = { place?: string; kind?: string; title?: string; summary?: string; peopleCount?: number | null };

/**
 * Corrects the case's own fields, saved with the version the form was opened on; when someone
 * else saved meanwhile it offers to reload rather than overwrite. Status and severity change
 * through the timeline, never here.
 */
export function HotspotEditModal({ hotspot, onClose, onReload }: { hotspot: HotspotDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const words = useHotspotWords();
  const formId = useId();
  const update = useUpdateHotspot(hotspot.id);
  const conflict = isApiError(update.error, 'CONFLICT');
  const submit = (v: Values) =>
    update.mutate({ place: v.place, kind: v.kind, title: v.title, summary: v.summary, peopleCount: v.peopleCount ?? null, version: hotspot.version }, { onSuccess: onClose });
  return (
    <Modal
      open
      width={720}
      title={t('hotspots.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: update.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('hotspots.conflictTitle')}
          action={
            <Button onClick={onReload} data-testid="hotspot-reload">
              {t('common.reload')}
            </Button>
          }
        />
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <Form<Values>
        id={formId}
        name="hotspot-edit"
        layout="vertical"
        onFinish={submit}
        initialValues={{ place: hotspot.place, kind: hotspot.kind, title: hotspot.title, summary: hotspot.summary, peopleCount: hotspot.peopleCount }}
      >
        <Form.Item label={t('hotspots.fields.title')} name="title" rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]}>
          <Input maxLength={HOTSPOT_LIMITS.title} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('hotspots.fields.place')} name="place" rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]} style={{ flex: '1 1 260px' }}>
            <Input maxLength={HOTSPOT_LIMITS.place} />
          </Form.Item>
          <Form.Item label={t('hotspots.fields.kind')} name="kind" rules={[{ required: true, message: t('hotspots.form.required') }]} style={{ flex: '1 1 220px' }}>
            <Select options={words.kinds.map((k) => ({ value: k.code, label: words.kindName(k.code) }))} />
          </Form.Item>
        </div>
        <Form.Item label={t('hotspots.fields.summary')} name="summary" rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={HOTSPOT_LIMITS.summary} showCount />
        </Form.Item>
        <Form.Item label={t('hotspots.fields.peopleCount')} name="peopleCount" extra={t('hotspots.form.peopleHelp')}>
          <InputNumber min={0} max={HOTSPOT_LIMITS.people} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
