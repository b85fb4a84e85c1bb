import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import Tree, { type DataNode, type EventDataNode } from 'antd/es/tree';
import { type Key, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { allChildrenQuery, type Unit, useUnitRoots } from './units.api';

type UnitNode = DataNode & { unit: Unit; children?: UnitNode[] };

type Props = { showRetired: boolean; selectedId?: string };

/** The unit tree, loaded level by level from the roots the account may see. */
export function UnitTree(props: Props) {
  // A new tree (and a new set of opened levels) whenever "show retired" changes.
  return <UnitTreeLevels key={String(props.showRetired)} {...props} />;
}

function childTotal(unit: Unit, showRetired: boolean): number {
  return unit.childCount + (showRetired ? unit.retiredChildCount : 0);
}

function UnitTreeLevels({ showRetired, selectedId }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const roots = useUnitRoots();
  const filter = useMemo(() => ({ includeRetired: showRetired }), [showRetired]);
  // The opened levels; their children come from the query cache, so edits elsewhere show up here.
  const [loadedIds, setLoadedIds] = useState<string[]>([]);
  const levels = useQueries({ queries: loadedIds.map((id) => allChildrenQuery(id, filter)) });
  const loadError = levels.find((l) => l.error)?.error ?? null;

  const treeData = useMemo(() => {
    const childrenOf = new Map(loadedIds.map((id, i) => [id, levels[i]?.data]));
    const toNodes = (units: Unit[]): UnitNode[] =>
      units
        .filter((u) => showRetired || !u.retired)
        .map((unit) => {
          const loaded = childrenOf.get(unit.id);
          return { key: unit.id, unit, isLeaf: childTotal(unit, showRetired) === 0, children: loaded ? toNodes(loaded) : undefined };
        });
    return toNodes(roots.data?.items ?? []);
  }, [roots.data, loadedIds, levels, showRetired]);

  const loadData = useCallback(
    async (node: EventDataNode<UnitNode>) => {
      const id = String(node.key);
      // Errors show through the level's query (loadError); the tree only waits.
      await queryClient.fetchQuery(allChildrenQuery(id, filter)).catch(() => undefined);
      setLoadedIds((ids) => (ids.includes(id) ? ids : [...ids, id]));
    },
    [queryClient, filter],
  );

  const onSelect = (_keys: Key[], info: { node: EventDataNode<UnitNode> }) => void navigate({ to: '/units/$unitId', params: { unitId: String(info.node.key) } });

  if (roots.isPending) return <PageSpinner />;
  if (roots.isError) return <ErrorAlert error={roots.error} />;
  return (
    <nav aria-label={t('units.treeLabel')}>
      <ErrorAlert error={loadError} />
      <Tree<UnitNode>
        treeData={treeData}
        loadData={loadData}
        onSelect={onSelect}
        selectedKeys={selectedId ? [selectedId] : []}
        titleRender={(node) => <UnitTreeTitle unit={node.unit} showRetired={showRetired} />}
        blockNode
      />
    </nav>
  );
}

function UnitTreeTitle({ unit, showRetired }: { unit: Unit; showRetired: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className={unit.retired ? 'unit-retired' : undefined} data-unit-id={unit.id}>
      <span className="unit-name">{unit.name}</span>
      {unit.childCount > 0 && (
        <span className="unit-count" title={t('units.childCountTitle', { n: format.number(unit.childCount) })}>
          {format.number(unit.childCount)}
        </span>
      )}
      {showRetired && unit.retiredChildCount > 0 && (
        <span className="unit-count unit-retired" title={t('units.retiredChildCountTitle', { n: format.number(unit.retiredChildCount) })}>
          +{format.number(unit.retiredChildCount)}
        </span>
      )}
      {unit.validTo && <span className="unit-retired"> · {t('units.retiredOn', { date: format.date(unit.validTo) })}</span>}
    </span>
  );
}
