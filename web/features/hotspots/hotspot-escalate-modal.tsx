import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HOTSPOT_LIMITS } from '../../../common/hotspots';
import { ErrorAlert } from '../../ui/error-alert';
import { UnitPicker } from '../units/unit-picker';
import { type HotspotDetail, useEscalateHotspot } from './hotspots.api';

/** Escalates the case by hand to a unit above its own (the server refuses any other: UNIT_OUTSIDE_SUBTREE). */
export function HotspotEscalateModal({ hotspot, onClose }: { hotspot: HotspotDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const escalate = useEscalateHotspot(hotspot.id);
  return (
    <Modal open title={t('hotspots.escalate')} okText={t('hotspots.escalate')} cancelText={t('common.cancel')} okButtonProps={{ htmlType: 'submit', form: formId, loading: escalate.isPending }} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={escalate.error} />
      <Form<{ unitId?: string; text?: string }>
        id={formId}
        layout="vertical"
        onFinish={(v) => escalate.mutate({ unitId: v.unitId ?? '', text: v.text ?? '', version: hotspot.version }, { onSuccess: onClose })}
      >
        <Form.Item label={t('hotspots.escalateTo')} name="unitId" extra={t('hotspots.escalateHelp')} rules={[{ required: true, message: t('hotspots.form.required') }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label={t('hotspots.fields.updateText')} name="text" rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={HOTSPOT_LIMITS.text} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
