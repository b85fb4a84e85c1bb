import { useNavigate, useParams } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInVietnam, UNIT_NAME_MAX } from '../../../common/units';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PageSpinner } from '../../ui/page-spinner';
import { useMe } from '../auth/auth.api';
import { hasPermissionOn } from '../auth/use-can';
import { UnitBreadcrumb } from './unit-breadcrumb';
import { type Unit, UNIT_CODE_PATTERN, useRenameUnit, useUnit, useUnitKinds } from './units.api';

type Values = { name: string; nameEn?: string; code?: string; validFrom?: Dayjs | null };

/** Renames a unit; someone else's change in the meantime is reported, never overwritten. */
export function RenameUnitPage() {
  const { unitId } = useParams({ from: '/app/units/$unitId/rename' });
  const me = useMe();
  const detail = useUnit(unitId);
  if (detail.isPending) return <PageSpinner />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  if (!hasPermissionOn(me, 'units.write', unitId, detail.data.ancestors.map((a) => a.id))) return <ForbiddenResult />;
  return (
    <Card>
      <UnitBreadcrumb detail={detail.data} />
      {/* A new form whenever the unit's version changes (after a reload following a conflict). */}
      <RenameUnitForm key={detail.data.unit.version} unit={detail.data.unit} onReload={() => void detail.refetch()} />
    </Card>
  );
}

/** Only what changed is sent; a cleared optional field becomes null. */
function changes(unit: Unit, values: Values) {
  const name = values.name.trim();
  const nameEn = values.nameEn?.trim() || null;
  const code = values.code?.trim() || null;
  const validFrom = values.validFrom ? values.validFrom.format('YYYY-MM-DD') : null;
  return {
    name: name !== unit.name ? name : undefined,
    nameEn: nameEn !== unit.nameEn ? nameEn : undefined,
    code: code !== unit.code ? code : undefined,
    // Only an organization's founding date is set here (the form shows it for organizations only).
    validFrom: values.validFrom !== undefined && validFrom !== unit.validFrom ? validFrom : undefined,
  };
}

function RenameUnitForm({ unit, onReload }: { unit: Unit; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rename = useRenameUnit();
  const conflict = isApiError(rename.error, 'CONFLICT');
  const kinds = useUnitKinds();
  const organization = kinds.data?.items.find((k) => k.code === unit.kind)?.category === 'organization';
  const back = () => void navigate({ to: '/units/$unitId', params: { unitId: unit.id } });

  const submit = (values: Values) => {
    const body = changes(unit, values);
    if (body.name === undefined && body.nameEn === undefined && body.code === undefined && body.validFrom === undefined) return back();
    rename.mutate({ id: unit.id, ...body, version: unit.version }, { onSuccess: back });
  };

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 12 }}>
        {t('units.renameTitle', { name: unit.name })}
      </Typography.Title>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('units.conflictTitle')}
          description={t('units.conflictHelp')}
          action={<Button onClick={onReload}>{t('units.reloadUnit')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="conflict-alert"
        />
      ) : (
        <ErrorAlert error={rename.error} />
      )}
      <Form<Values> layout="vertical" onFinish={submit} name="rename-unit" initialValues={{ name: unit.name, nameEn: unit.nameEn ?? '', code: unit.code ?? '', validFrom: unit.validFrom ? dayjs(unit.validFrom) : null }} style={{ maxWidth: 560 }}>
        <Form.Item label={t('units.name')} name="name" rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }, { max: UNIT_NAME_MAX }]}>
          <Input maxLength={UNIT_NAME_MAX} />
        </Form.Item>
        <Form.Item label={t('units.nameEn')} name="nameEn">
          <Input maxLength={UNIT_NAME_MAX} />
        </Form.Item>
        <Form.Item label={t('units.code')} name="code" rules={[{ pattern: UNIT_CODE_PATTERN, message: t('units.codeInvalid') }]}>
          <Input maxLength={40} />
        </Form.Item>
        {organization && (
          <Form.Item label={t('units.foundedOn')} name="validFrom" extra={t('units.foundedOnEditHelp')}>
            <DateField disabledDate={(d) => d.isAfter(dayjs(todayInVietnam()), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={rename.isPending} disabled={conflict}>
            {t('common.save')}
          </Button>
          <Button onClick={back}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
