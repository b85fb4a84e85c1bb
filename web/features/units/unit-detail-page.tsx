import { useParams } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Space from 'antd/es/space';
import Tabs from 'antd/es/tabs';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { UnitActions } from './unit-actions';
import { UnitBreadcrumb } from './unit-breadcrumb';
import { UnitChildrenList } from './unit-children-list';
import { UnitWorkingSessions } from '../working-sessions/unit-working-sessions';
import { IssuingBodiesSection } from './issuing-bodies-section';
import { UnitHistoryList } from './unit-history-list';
import { SuccessionList } from './succession-list';
import { type FormerName, type UnitDetail, useUnit } from './units.api';
import { useKindName } from './use-kind-name';

export function UnitDetailPage() {
  const { unitId } = useParams({ from: '/app/units/$unitId' });
  const detail = useUnit(unitId);
  if (detail.isPending) return <PageSpinner />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  return <UnitDetailView detail={detail.data} />;
}

function UnitDetailView({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  const { unit } = detail;

  const info = (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'kind', label: t('units.kind'), children: kindName(unit.kind) },
          ...(unit.divisionType ? [{ key: 'division', label: t('units.divisionType'), children: unit.divisionType }] : []),
          { key: 'code', label: t('units.code'), children: unit.code ?? <EmptyValue /> },
          { key: 'nameEn', label: t('units.nameEn'), children: unit.nameEn ?? <EmptyValue /> },
          { key: 'validFrom', label: t('units.validFrom'), children: unit.validFrom ? format.date(unit.validFrom) : t('common.unknown') },
          { key: 'validTo', label: t('units.validTo'), children: unit.validTo ? format.date(unit.validTo) : t('units.inForce') },
          { key: 'children', label: t('units.childCount'), children: format.number(unit.childCount) },
        ]}
      />
      <FormerNames names={detail.names} />
      <SuccessionList title={t('units.predecessors')} links={detail.predecessors} />
      <SuccessionList title={t('units.successors')} links={detail.successors} />
    </>
  );

  return (
    <Card>
      <UnitBreadcrumb detail={detail} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap', marginTop: 12 }}>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }} data-testid="unit-title">
            {unit.name}
          </Typography.Title>
          <Space wrap>
            <Typography.Text type="secondary">{kindName(unit.kind)}</Typography.Text>
            {unit.retired ? <Tag>{t('units.retiredOn', { date: format.date(unit.validTo) })}</Tag> : <Tag color="green">{t('units.inForce')}</Tag>}
          </Space>
        </Space>
        <UnitActions detail={detail} />
      </div>
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          { key: 'info', label: t('units.tabInfo'), children: info },
          { key: 'children', label: t('units.tabChildren'), children: <UnitChildrenList key={unit.id} unitId={unit.id} retired={unit.retired} /> },
          { key: 'history', label: t('units.tabHistory'), children: <UnitHistoryList key={unit.id} unitId={unit.id} /> },
          { key: 'issuing', label: t('units.issuingBodies.tab'), children: <IssuingBodiesSection key={unit.id} detail={detail} /> },
          { key: 'working-sessions', label: t('workingSessions.unitTab.title'), children: <UnitWorkingSessions key={unit.id} unitId={unit.id} /> },
        ]}
      />
    </Card>
  );
}

/** The names the unit bore before its current one, each with its interval ("Huyện Kim Bảng, until 01/01/2025"). */
function FormerNames({ names }: { names: FormerName[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (names.length === 0) return null;
  return (
    <section style={{ marginTop: 16 }} data-testid="former-names">
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('units.formerNames')}
      </Typography.Title>
      <ul className="plain-list">
        {names.map((n) => (
          <li key={`${n.name}-${n.validTo}`}>
            {n.name}{' '}
            <Typography.Text type="secondary">
              {n.validFrom ? t('units.nameInterval', { from: format.date(n.validFrom), to: format.date(n.validTo) }) : t('units.nameUntil', { to: format.date(n.validTo) })}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
