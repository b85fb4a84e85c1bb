import { useNavigate, useParams } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { SuccessionList } from './succession-list';
import { UnitBreadcrumb } from './unit-breadcrumb';
import { UnitPicker } from './unit-picker';
import { type SuccessionLink, type UnitDetail, useSetSuccessors, useUnit } from './units.api';

type Row = { unitId?: string; kind: SuccessionLink['kind'] };
type Values = { successors: Row[] };

/**
 * A system administrator sets which units took over a retired unit: the history's fallback for a
 * commune the official lists cannot place, or any correction. Audited; the reports follow at once,
 * and a later import of the official lists keeps it.
 */
export function SetSuccessorsPage() {
  const { unitId } = useParams({ from: '/app/units/$unitId/successors' });
  const systemAdmin = useCan('system.manage');
  const detail = useUnit(unitId);
  if (!systemAdmin) return <ForbiddenResult />;
  if (detail.isPending) return <PageSpinner />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  return (
    <Card>
      <UnitBreadcrumb detail={detail.data} />
      <SetSuccessorsForm detail={detail.data} />
    </Card>
  );
}

function SetSuccessorsForm({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const save = useSetSuccessors();
  const { unit } = detail;
  const back = () => void navigate({ to: '/units/$unitId', params: { unitId: unit.id } });
  // The main successor first: the first row is the one the unit's records count under.
  const current = [...detail.successors].sort((a, b) => Number(b.main) - Number(a.main));
  const initial: Values = { successors: current.length ? current.map((s) => ({ unitId: s.unit.id, kind: s.kind })) : [{ kind: 'whole' }] };
  const kindOptions = (['whole', 'partial', 'unchanged'] as const).map((k) => ({ value: k, label: t(`units.succession.${k}`) }));

  const submit = (values: Values) => {
    const rows = values.successors.filter((r): r is Required<Row> => !!r.unitId);
    const mainId = rows[0]?.unitId;
    save.mutate({ id: unit.id, successors: rows.map((r) => ({ unitId: r.unitId, kind: r.kind })), mainId }, { onSuccess: back });
  };

  if (!unit.validTo) return <Alert type="info" showIcon title={t('units.successorsInForce')} />;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 12 }}>
        {t('units.setSuccessorsTitle', { name: unit.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('units.setSuccessorsHelp', { date: format.date(unit.validTo) })}</Typography.Paragraph>
      <SuccessionList title={t('units.currentSuccessors')} links={detail.successors} />
      <ErrorAlert error={save.error} />
      <Form<Values> layout="vertical" name="set-successors" initialValues={initial} onFinish={submit} style={{ maxWidth: 720, marginTop: 16 }}>
        <Typography.Paragraph>{t('units.mainSuccessorFirst')}</Typography.Paragraph>
        <Form.List name="successors">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ width: '100%' }} data-testid="successor-row">
                  <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('units.successorRequired') }]} style={{ minWidth: 360, marginBottom: 0 }}>
                    <UnitPicker includeRetired initialLabel={current[index]?.unit.name} aria-label={t('units.successor')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 0 }}>
                    <Select options={kindOptions} style={{ width: 140 }} aria-label={t('units.successionKind')} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t('units.removeSuccessor')}</Button>}
                </Space>
              ))}
              <Button onClick={() => add({ kind: 'partial' })}>{t('units.addSuccessor')}</Button>
            </Space>
          )}
        </Form.List>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={back}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
