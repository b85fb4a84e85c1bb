import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { localName, useCommendationForms } from './commendations.api';

/** The decision's fields (form of commendation, number, date), shared by one commendation and a conference's batch. */
export function DecisionFields() {
  const { t, i18n } = useTranslation();
  const forms = useCommendationForms();
  return (
    <>
      <Form.Item label={t('commendations.form')} name="formCode" rules={[{ required: true, message: t('commendations.formRequired') }]}>
        <Select loading={forms.isFetching} options={(forms.data?.items ?? []).map((f) => ({ value: f.code, label: localName(f.names, i18n.language, f.code) }))} />
      </Form.Item>
      <Form.Item label={t('commendations.decisionNumber')} name="decisionNumber" rules={[{ required: true, whitespace: true, message: t('commendations.decisionNumberRequired') }, { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label={t('commendations.decisionDate')}
        name="decisionDate"
        rules={[{ required: true, message: t('commendations.decisionDateRequired') }]}
      >
        <DateField disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </>
  );
}
