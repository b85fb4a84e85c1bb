import { useNavigate, useParams } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import Row from 'antd/es/row';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_LIMITS, type EntryLevel, LAST_DISTRICT_YEAR } from '../../../common/entries';
import { ApiError, isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { useErrorMessage } from '../../ui/use-error-message';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { NumberField } from '../../ui/number-field';
import { emulationPeriodName } from '../../ui/period-label';
import { PageSpinner } from '../../ui/page-spinner';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { type EntryBody, type EntryDetail, fieldErrorsOf, useCreateEntry, useEntry, useEntryFields, usePeriods, useUpdateEntry } from './entries.api';
import { ImplementerUnits } from './implementer-units';
import { implementersOf, refusedUnitRows } from './implementers';
import { registrationDefaults, singleWritableUnit } from './registration-defaults';
import { fieldName, useEntryVocabulary } from './use-entry-vocabulary';

type Values = {
  registeringUnitId: string;
  level: EntryLevel;
  kind: EntryBody['kind'];
  form: EntryBody['form'];
  fieldCode: string;
  year: number;
  periodId?: string | null;
  title: string;
  description?: string;
  goals?: string;
  results?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  participantsCount?: number | null;
  participants?: string;
  moneyVnd?: string | null;
  workingDays?: number | null;
  landM2?: string | null;
  resourcesOther?: string;
  people?: string[];
  /** Implementing units, one picker each (form names `implementerUnits.0.unitId`, …). */
  implementerUnits?: { unitId?: string }[];
};

/** Bounds of EntryInput (common/entries.ts): counts, and m² with two decimals under 10¹². */
const COUNT_MAX = 100_000_000;
const LAND_M2_MAX = 999_999_999_999.99;

/** Error codes the server ties to one field of the form. */
const CODE_FIELDS: Record<string, keyof Values> = { LEVEL_NOT_ON_PATH: 'level', DISTRICT_AFTER_2025: 'level', UNIT_NOT_IN_FORCE: 'registeringUnitId', ALREADY_EXISTS: 'title' };

export function EntryCreatePage() {
  return useCan('data.write') ? <EntryForm /> : <ForbiddenResult />;
}

export function EntryEditPage() {
  const { entryId } = useParams({ strict: false }) as { entryId: string };
  const entry = useEntry(entryId);
  // A new form only when the user reloads after a conflict: a save's own refetch must not remount it (its callbacks would be lost).
  const [generation, setGeneration] = useState(0);
  if (entry.isPending) return <PageSpinner />;
  if (entry.isError) return <ErrorAlert error={entry.error} />;
  if (!entry.data.allowedActions.includes('edit')) return <ForbiddenResult />;
  return (
    <EntryForm
      key={`${entry.data.id}-${generation}`}
      entry={entry.data}
      onReload={() => void entry.refetch().then(() => setGeneration((g) => g + 1))}
    />
  );
}

function initialValues(entry: EntryDetail | undefined): Partial<Values> {
  if (!entry) return { year: new Date().getFullYear(), kind: 'model', form: 'collective' };
  return {
    registeringUnitId: entry.registeringUnit.id,
    level: entry.level,
    kind: entry.kind,
    form: entry.form,
    fieldCode: entry.fieldCode,
    year: entry.year,
    periodId: entry.periodId,
    title: entry.title,
    description: entry.description ?? undefined,
    goals: entry.goals ?? undefined,
    results: entry.results ?? undefined,
    startDate: entry.startDate ? dayjs(entry.startDate) : null,
    endDate: entry.endDate ? dayjs(entry.endDate) : null,
    participantsCount: entry.participantsCount,
    participants: entry.participants ?? undefined,
    moneyVnd: entry.moneyVnd,
    workingDays: entry.workingDays,
    landM2: entry.landM2,
    resourcesOther: entry.resourcesOther ?? undefined,
    people: entry.implementers.flatMap((i) => ('personName' in i ? [i.personName] : [])),
    implementerUnits: entry.implementers.flatMap((i) => ('unitId' in i ? [{ unitId: i.unitId }] : [])),
  };
}

function EntryForm({ entry, onReload }: { entry?: EntryDetail; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  // A coded error's message on its field, with the details it needs (the year of a duplicate registration).
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const vocabulary = useEntryVocabulary();
  const [form] = Form.useForm<Values>();
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const write = entry ? update : create;
  const [conflict, setConflict] = useState(false);
  // The version this form was opened on: a change saved meanwhile by someone else answers CONFLICT.
  const [version] = useState(entry?.version ?? 0);
  // An account that writes for one unit registers for it: the form starts there (the level follows below).
  const me = useMe();
  const [ownUnit] = useState(() => (entry ? null : singleWritableUnit(me?.grants)));
  const own = useQuery({ queryKey: unitKeys.detail(ownUnit?.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${ownUnit?.unitId}`), enabled: !!ownUnit });
  const unitId = Form.useWatch('registeringUnitId', form);
  const year = Form.useWatch('year', form);
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const fields = useEntryFields(unitId);
  const periods = usePeriods();
  const implementerUnitNames = useMemo(() => new Map(entry?.implementers.flatMap((i) => ('unitId' in i ? [[i.unitId, i.unitName ?? i.unitId] as const] : [])) ?? []), [entry]);

  /** Levels whose unit lies on the path from the root to the chosen unit (district only up to 2025). */
  const levels = useMemo(() => {
    if (!unitId || !unit.data) return [...ENTRY_LEVELS];
    const kinds = new Set([unit.data.unit.kind, ...unit.data.ancestors.map((a) => a.kind)]);
    return ENTRY_LEVELS.filter((l) => kinds.has(l));
  }, [unitId, unit.data]);
  // The year as typed so far: unread text (NumberField) decides nothing yet.
  const typedYear = typeof year === 'number' ? year : undefined;
  const allowedLevels = levels.filter((l) => l !== 'district' || !typedYear || typedYear <= LAST_DISTRICT_YEAR);

  useEffect(() => {
    const level = form.getFieldValue('level') as EntryLevel | undefined;
    if (level && unit.data && !allowedLevels.includes(level)) void form.validateFields(['level']).catch(() => undefined);
  }, [allowedLevels, form, unit.data]);

  // The account's one unit and its level, unless the officer has already chosen (registration-defaults.ts).
  useEffect(() => {
    if (!own.data || form.getFieldValue('registeringUnitId') || form.isFieldTouched('registeringUnitId') || form.isFieldTouched('level')) return;
    const year = form.getFieldValue('year') as unknown;
    const defaults = registrationDefaults(own.data, typeof year === 'number' ? year : undefined);
    if (defaults) form.setFieldsValue(defaults);
  }, [form, own.data]);

  const submit = (values: Values) => {
    const body: EntryBody = {
      registeringUnitId: values.registeringUnitId,
      level: values.level,
      kind: values.kind,
      form: values.form,
      fieldCode: values.fieldCode,
      year: values.year,
      periodId: values.periodId ?? null,
      title: values.title.trim(),
      description: values.description?.trim() || null,
      goals: values.goals?.trim() || null,
      results: values.results?.trim() || null,
      startDate: values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
      endDate: values.endDate ? values.endDate.format('YYYY-MM-DD') : null,
      participantsCount: values.participantsCount ?? null,
      participants: values.participants?.trim() || null,
      moneyVnd: values.moneyVnd ? String(values.moneyVnd) : null,
      workingDays: values.workingDays ?? null,
      landM2: values.landM2 ? String(values.landM2) : null,
      resourcesOther: values.resourcesOther?.trim() || null,
      implementers: implementersOf(values.implementerUnits, values.people),
    };
    const onError = (error: Error) => {
      if (isApiError(error, 'CONFLICT')) setConflict(true);
      const byField = fieldErrorsOf(error).map((f) => ({ name: f.name as keyof Values, errors: [t('entries.fieldInvalid')] }));
      const coded = error instanceof ApiError && CODE_FIELDS[error.code] ? [{ name: CODE_FIELDS[error.code] as keyof Values, errors: [errorMessage(error)] }] : [];
      // A refused implementing unit (outside the user's reach, say) is marked on its own picker row.
      const units = refusedUnitRows(error, body.implementers, values.implementerUnits).map((row) => ({ name: ['implementerUnits', row, 'unitId'] as ['implementerUnits', number, 'unitId'], errors: [t('entries.implementerUnitInvalid')] }));
      if (byField.length || coded.length || units.length) form.setFields([...byField, ...coded, ...units]);
    };
    const onSuccess = (saved: EntryDetail) => void navigate({ to: '/entries/$entryId', params: { entryId: saved.id } });
    if (entry) {
      // The registering unit is fixed once registered (PATCH does not take it).
      const { registeringUnitId: _unit, ...changes } = body;
      update.mutate({ id: entry.id, version, ...changes }, { onSuccess, onError });
    } else create.mutate(body, { onSuccess, onError });
  };

  const required = (key: string) => ({ required: true, message: t(key) });
  const textArea = (name: keyof Values, label: string) => (
    <Form.Item label={label} name={name} rules={[{ max: ENTRY_LIMITS.text, message: t('entries.tooLong', { max: ENTRY_LIMITS.text }) }]}>
      <Input.TextArea rows={3} maxLength={ENTRY_LIMITS.text} />
    </Form.Item>
  );

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {entry ? t('entries.editTitle', { title: entry.title }) : t('entries.createTitle')}
      </Typography.Title>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('entries.conflictTitle')}
          description={t('entries.conflictHelp')}
          action={<Button onClick={onReload}>{t('common.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ErrorAlert error={write.error} />
      )}
      <Form<Values> form={form} layout="vertical" name="entry" onFinish={submit} initialValues={initialValues(entry)} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('entries.fields.registeringUnit')} name="registeringUnitId" rules={[required('entries.unitRequired')]}>
              <UnitPicker includeRetired disabled={!!entry} initialLabel={entry?.registeringUnit.name ?? ownUnit?.unitName} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <NumberField label={t('entries.fields.year')} name="year" rules={[required('entries.yearRequired')]} min={2000} max={2100} grouping={false} />
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              label={t('entries.fields.level')}
              name="level"
              dependencies={['year', 'registeringUnitId']}
              rules={[
                required('entries.levelRequired'),
                {
                  validator: async (_, value: EntryLevel | undefined) => {
                    if (!value) return;
                    if (value === 'district' && typedYear && typedYear > LAST_DISTRICT_YEAR) throw new Error(t('errors.DISTRICT_AFTER_2025'));
                    if (!levels.includes(value)) throw new Error(t('errors.LEVEL_NOT_ON_PATH'));
                  },
                },
              ]}
            >
              <Select options={ENTRY_LEVELS.map((l) => ({ value: l, label: vocabulary.level(l), disabled: !allowedLevels.includes(l) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('entries.fields.title')} name="title" rules={[{ required: true, whitespace: true, message: t('entries.titleRequired') }, { max: ENTRY_LIMITS.title, message: t('entries.tooLong', { max: ENTRY_LIMITS.title }) }]}>
              <Input maxLength={ENTRY_LIMITS.title} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('entries.fields.kind')} name="kind" rules={[required('entries.kindRequired')]}>
              <Radio.Group options={ENTRY_KINDS.map((k) => ({ value: k, label: vocabulary.kind(k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('entries.fields.form')} name="form" rules={[required('entries.formRequired')]}>
              <Radio.Group options={ENTRY_FORMS.map((f) => ({ value: f, label: vocabulary.form(f) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('entries.fields.fieldCode')} name="fieldCode" rules={[required('entries.fieldRequired')]}>
              <Select
                loading={fields.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(fields.data?.items ?? []).map((f) => ({ value: f.code, label: fieldName(f, i18n.language, f.code) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('entries.fields.periodId')} name="periodId">
              <Select allowClear options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: emulationPeriodName(p) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={t('entries.fields.startDate')} name="startDate">
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label={t('entries.fields.endDate')}
              name="endDate"
              dependencies={['startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('startDate') as Dayjs | null | undefined;
                    if (value && start && value.isBefore(start, 'day')) throw new Error(t('entries.endBeforeStart'));
                  },
                }),
              ]}
            >
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>{textArea('description', t('entries.fields.description'))}</Col>
          <Col xs={24} md={12}>
            {textArea('goals', t('entries.fields.goals'))}
          </Col>
          <Col xs={24} md={12}>
            {textArea('results', t('entries.fields.results'))}
          </Col>
          <Col xs={12} md={6}>
            <NumberField label={t('entries.fields.participantsCount')} name="participantsCount" min={0} max={COUNT_MAX} />
          </Col>
          <Col xs={12} md={6}>
            <NumberField label={t('entries.fields.workingDays')} name="workingDays" min={0} max={COUNT_MAX} />
          </Col>
          <Col xs={12} md={6}>
            <NumberField label={t('entries.fields.moneyVnd')} name="moneyVnd" min={0} max={ENTRY_LIMITS.moneyVnd - 1} currency="VND" valueType="string" />
          </Col>
          <Col xs={12} md={6}>
            <NumberField label={t('entries.fields.landM2')} name="landM2" min={0} max={LAND_M2_MAX} scale={2} valueType="string" />
          </Col>
          <Col xs={24} md={12}>
            {textArea('participants', t('entries.fields.participants'))}
          </Col>
          <Col xs={24} md={12}>
            {textArea('resourcesOther', t('entries.fields.resourcesOther'))}
          </Col>
          <Col xs={24}>
            <ImplementerUnits initialNames={implementerUnitNames} />
          </Col>
          <Col xs={24}>
            <Form.Item label={t('entries.implementerPeople')} name="people" extra={t('entries.implementersHelp')}>
              <Select mode="tags" open={false} tokenSeparators={[';']} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="entry-save">
            {entry ? t('common.save') : t('entries.createSubmit')}
          </Button>
          <Button onClick={() => void (entry ? navigate({ to: '/entries/$entryId', params: { entryId: entry.id } }) : navigate({ to: '/entries' }))}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
