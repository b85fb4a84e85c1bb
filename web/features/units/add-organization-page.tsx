import { useNavigate, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { UNIT_NAME_MAX } from '../../../common/units';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PageSpinner } from '../../ui/page-spinner';
import { useMe } from '../auth/auth.api';
import { hasPermissionOn } from '../auth/use-can';
import { UnitBreadcrumb } from './unit-breadcrumb';
import { UNIT_CODE_PATTERN, useCreateOrganization, useUnit, useUnitKinds } from './units.api';
import { kindName } from './use-kind-name';

type Values = { kind: string; name: string; nameEn?: string; code?: string };

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
      <AddOrganizationForm parentId={unitId} parentName={detail.data.unit.name} />
    </Card>
  );
}

function AddOrganizationForm({ parentId, parentName }: { parentId: string; parentName: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const kinds = useUnitKinds();
  const create = useCreateOrganization();
  const options = (kinds.data?.items ?? [])
    .filter((k) => k.category === 'organization')
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((k) => ({ value: k.code, label: kindName(k, i18n.language, k.code) }));

  const submit = (values: Values) =>
    create.mutate(
      { parentId, kind: values.kind, name: values.name.trim(), nameEn: values.nameEn?.trim() || undefined, code: values.code?.trim() || undefined },
      { onSuccess: (unit) => void navigate({ to: '/units/$unitId', params: { unitId: unit.id } }) },
    );

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 12 }}>
        {t('units.addOrganizationTitle', { parent: parentName })}
      </Typography.Title>
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
