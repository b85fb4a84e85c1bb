import { useNavigate, useParams } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInVietnam, UNIT_NAME_MAX } from '../../../common/units';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { hasPermissionOn } from '../auth/use-can';
import { UnitBreadcrumb } from './unit-breadcrumb';
import { type Unit, UNIT_CODE_PATTERN, useCreateOrganization, useUnit, useUnitKinds } from './units.api';
import { kindName } from './use-kind-name';

type Values = { kind: string; name: string; nameEn?: string; code?: string; validFrom?: Dayjs | null; validTo?: Dayjs | null };

/** Adds an organization (Fatherland Front committee, union, …) under a unit. */
export function AddOrganizationPage() {
  const { unitId } = useParams({ from: '/app/units/$unitId/add-organization' });
  const me = useMe();
  const detail = useUnit(unitId);
  if (detail.isPending) return <PageSpinner />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const allowed = hasPermissionOn(me, 'units.write', unitId, detail.data.ancestors.map((a) => a.id));
  if (!allowed) return <ForbiddenResult />;
  return (
    <Card>
      <UnitBreadcrumb detail={detail.data} />
      <AddOrganizationForm parent={detail.data.unit} />
    </Card>
  );
}

/**
 * The organization's interval lies within its parent's: under a unit in force it starts today
 * unless its founding date is given; under a retired unit it is added for that unit's years.
 */
function AddOrganizationForm({ parent }: { parent: Unit }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const kinds = useUnitKinds();
  const create = useCreateOrganization();
  const parentId = parent.id;
  const today = todayInVietnam();
  const options = (kinds.data?.items ?? [])
    .filter((k) => k.category === 'organization')
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((k) => ({ value: k.code, label: kindName(k, i18n.language, k.code) }));
  // Days outside the parent's interval (and, for a founding date, after today) cannot be chosen.
  const outsideParent = (d: Dayjs) => (parent.validFrom !== null && d.isBefore(dayjs(parent.validFrom), 'day')) || (parent.validTo !== null && d.isAfter(dayjs(parent.validTo), 'day'));
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

  const submit = (values: Values) =>
    create.mutate(
      {
        parentId,
        kind: values.kind,
        name: values.name.trim(),
        nameEn: values.nameEn?.trim() || undefined,
        code: values.code?.trim() || undefined,
        validFrom: day(values.validFrom),
        validTo: day(values.validTo),
      },
      { onSuccess: (unit) => void navigate({ to: '/units/$unitId', params: { unitId: unit.id } }) },
    );
  const parentInterval = { from: parent.validFrom ? format.date(parent.validFrom) : '…', to: parent.validTo ? format.date(parent.validTo) : '…' };

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 12 }}>
        {t('units.addOrganizationTitle', { parent: parent.name })}
      </Typography.Title>
      {parent.retired && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('units.addUnderRetired', parentInterval)} data-testid="add-under-retired" />}
      <ErrorAlert error={create.error ?? kinds.error} />
      <Form<Values> layout="vertical" onFinish={submit} name="add-organization" style={{ maxWidth: 560 }}>
        <Form.Item label={t('units.kind')} name="kind" rules={[{ required: true, message: t('units.kindRequired') }]}>
          <Select options={options} loading={kinds.isPending} placeholder={t('units.kindPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('units.name')} name="name" rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }, { max: UNIT_NAME_MAX }]}>
          <Input maxLength={UNIT_NAME_MAX} placeholder={t('units.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('units.nameEn')} name="nameEn" rules={[{ max: UNIT_NAME_MAX }]}>
          <Input maxLength={UNIT_NAME_MAX} />
        </Form.Item>
        <Form.Item label={t('units.code')} name="code" extra={t('units.codeHelp')} rules={[{ pattern: UNIT_CODE_PATTERN, message: t('units.codeInvalid') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('units.foundedOn')} name="validFrom" extra={parent.retired ? t('units.foundedOnHelpRetired', parentInterval) : t('units.foundedOnHelp')}>
          <DateField disabledDate={(d) => outsideParent(d) || d.isAfter(dayjs(today), 'day')} style={{ width: '100%' }} data-testid="founded-on" />
        </Form.Item>
        <Form.Item
          label={t('units.validTo')}
          name="validTo"
          extra={parent.validTo ? t('units.validToHelpRetired', parentInterval) : t('units.validToHelp')}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | null | undefined) => {
                const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                return value && from && !value.isAfter(from, 'day') ? Promise.reject(new Error(t('units.validToBeforeFrom'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DateField disabledDate={outsideParent} style={{ width: '100%' }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('units.addOrganizationSubmit')}
          </Button>
          <Button onClick={() => void navigate({ to: '/units/$unitId', params: { unitId: parentId } })}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
