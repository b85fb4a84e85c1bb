/**
 * "Báo cáo nhanh": the flash report that opens a case — where (unit and place), what kind, what
 * happened, how many people (no names), how serious, when; the units responsible and whether the
 * case is confidential. The level above must acknowledge it within the unit's hours.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../common/access';
import { HOTSPOT_LIMITS, HOTSPOT_SEVERITIES } from '../../../common/hotspots';
import { DateField } from '../../ui/date-field';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useMe } from '../auth/auth.api';
import { fieldErrorsOf } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { useHotspotWords } from './hotspot-words';
import { useCreateHotspot } from './hotspots.api';

type Values = {
  unitId?: string;
  place?: string;
  kind?: string;
  title?: string;
  summary?: string;
  peopleCount?: number | null;
  severity?: number;
  occurredOn?: Dayjs | null;
  /** HH:mm, the hour of the day the case began (the day has its own field). */
  occurredTime?: string;
  responsibleUnitIds?: string[];
  confidential?: boolean;
  readerRoles?: string[];
};

const FIELDS = ['unitId', 'place', 'kind', 'title', 'summary', 'peopleCount', 'severity', 'readerRoles'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function HotspotNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const words = useHotspotWords();
  const [form] = Form.useForm<Values>();
  const create = useCreateHotspot();
  const confidential = Form.useWatch('confidential', form);
  const unitId = Form.useWatch('unitId', form);
  // The responsible units offered are the unit and those above it (the API also takes units below it).
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const line = unit.data ? [...unit.data.ancestors.slice(1), { id: unit.data.unit.id, name: unit.data.unit.name }] : [];
  const own = me?.grants[0];

  const submit = (v: Values) =>
    create.mutate(
      {
        unitId: v.unitId ?? '',
        place: v.place ?? '',
        kind: v.kind ?? '',
        title: v.title ?? '',
        summary: v.summary ?? '',
        peopleCount: v.peopleCount ?? null,
        severity: v.severity ?? 1,
        occurredAt: dayjs(`${(v.occurredOn ?? dayjs()).format('YYYY-MM-DD')}T${v.occurredTime ?? '00:00'}`).format(),
        responsibleUnitIds: (v.responsibleUnitIds ?? []).filter((id) => line.some((u) => u.id === id)),
        confidential: !!v.confidential,
        readerRoles: v.confidential ? (v.readerRoles as never) : null,
      },
      {
        onSuccess: (h) => void navigate({ to: '/hotspots/$hotspotId', params: { hotspotId: h.id } }),
        onError: (error) => {
          const fields = fieldErrorsOf(error).filter((f) => FIELDS.includes(f.name));
          if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: [t('hotspots.form.fieldInvalid')] })));
        },
      },
    );

  return (
    <>
      <PageHeading title={t('hotspots.form.title')} />
      <Card style={{ maxWidth: 880 }}>
        <ErrorAlert error={create.error} />
        <Form<Values> form={form} name="hotspot" layout="vertical" onFinish={submit} initialValues={{ unitId: own?.unitId, severity: 2, occurredOn: dayjs(), occurredTime: dayjs().format('HH:mm'), confidential: false }}>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item label={t('hotspots.fields.unit')} name="unitId" rules={[{ required: true, message: t('hotspots.form.required') }]} style={{ flex: '1 1 280px' }}>
              <UnitPicker initialLabel={own?.unitName} allowClear={false} />
            </Form.Item>
            <Form.Item label={t('hotspots.fields.place')} name="place" extra={t('hotspots.form.placeHelp')} rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]} style={{ flex: '1 1 280px' }}>
              <Input maxLength={HOTSPOT_LIMITS.place} data-testid="hotspot-place" />
            </Form.Item>
          </div>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item label={t('hotspots.fields.kind')} name="kind" rules={[{ required: true, message: t('hotspots.form.required') }]} style={{ flex: '1 1 260px' }}>
              <Select options={words.kinds.map((k) => ({ value: k.code, label: words.kindName(k.code) }))} data-testid="hotspot-kind" />
            </Form.Item>
            <Form.Item label={t('hotspots.fields.severity')} name="severity" rules={[{ required: true, message: t('hotspots.form.required') }]} style={{ flex: '0 1 180px' }}>
              <Select options={HOTSPOT_SEVERITIES.map((s) => ({ value: s, label: words.severity[s] }))} data-testid="hotspot-severity" />
            </Form.Item>
            <Form.Item label={t('hotspots.fields.occurredAt')} name="occurredOn" rules={[{ required: true, message: t('hotspots.form.required') }]} style={{ flex: '0 1 170px' }}>
              <DateField style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('hotspots.form.time')} name="occurredTime" rules={[{ required: true, pattern: TIME, message: t('hotspots.form.timeInvalid') }]} style={{ flex: '0 1 100px' }}>
              <Input placeholder="08:30" maxLength={5} inputMode="numeric" dir="ltr" />
            </Form.Item>
          </div>
          <Form.Item label={t('hotspots.fields.title')} name="title" rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]}>
            <Input maxLength={HOTSPOT_LIMITS.title} data-testid="hotspot-title" />
          </Form.Item>
          <Form.Item label={t('hotspots.fields.summary')} name="summary" rules={[{ required: true, whitespace: true, message: t('hotspots.form.required') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={HOTSPOT_LIMITS.summary} showCount data-testid="hotspot-summary" />
          </Form.Item>
          <Form.Item label={t('hotspots.fields.responsibleUnits')} name="responsibleUnitIds">
            <Select mode="multiple" allowClear options={line.map((u) => ({ value: u.id, label: u.name }))} data-testid="hotspot-responsible" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <Form.Item label={t('hotspots.fields.peopleCount')} name="peopleCount" extra={t('hotspots.form.peopleHelp')} style={{ flex: '0 1 220px' }}>
              <InputNumber min={0} max={HOTSPOT_LIMITS.people} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="confidential" valuePropName="checked" style={{ flex: '1 1 240px', marginTop: 30 }}>
              <Checkbox>{t('hotspots.form.confidential')}</Checkbox>
            </Form.Item>
          </div>
          {confidential && (
            <Form.Item label={t('hotspots.fields.readerRoles')} name="readerRoles" extra={t('hotspots.form.readerRolesHelp')} rules={[{ required: true, message: t('hotspots.form.required') }]}>
              <Select mode="multiple" options={ROLES.filter((r) => r !== 'system_admin').map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="hotspot-submit">
            {t('hotspots.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
