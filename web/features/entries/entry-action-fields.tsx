import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import { useTranslation } from 'react-i18next';
import { ENTRY_ACTIONS, type EntryAction } from '../../../common/entries';
import { NumberField } from '../../ui/number-field';

/** The fields of one step on entries, the same for one entry (entry-actions) and for many (the bulk bar). */
export function EntryActionFields({ action }: { action: EntryAction | null }) {
  const { t } = useTranslation();
  const reasonRule = action ? ENTRY_ACTIONS[action].reason : 'optional';
  return (
    <>
      {action === 'evaluate' && (
        <>
          <Form.Item label={t('entries.effective')} name="effective" rules={[{ required: true, message: t('entries.effectiveRequired') }]}>
            <Radio.Group
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
              ]}
            />
          </Form.Item>
          <NumberField label={t('entries.score')} name="score" rules={[{ required: true, message: t('entries.scoreRequired') }]} min={0} max={100} scale={2} input={{ style: { width: 160 } }} />
        </>
      )}
      <Form.Item
        label={reasonRule === 'required' ? t('entries.reason') : t('entries.reasonOptional')}
        name="reason"
        rules={reasonRule === 'required' ? [{ required: true, whitespace: true, message: t('entries.reasonRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}
