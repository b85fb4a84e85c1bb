import Card from 'antd/es/card';
import Checkbox from 'antd/es/checkbox';
import Empty from 'antd/es/empty';
import Pagination from 'antd/es/pagination';
import Spin from 'antd/es/spin';
import Table, { type TableProps } from 'antd/es/table';
import type { ColumnGroupType, ColumnType } from 'antd/es/table';
import { isValidElement, type Key, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreen } from './use-screen';

type Props<T> = TableProps<T> & {
  /** The column whose cell heads each card (the first column by default). */
  cardTitleKey?: string;
  'data-testid'?: string;
};

/** A row's key the way antd's Table computes it. */
function keyOf<T>(rowKey: TableProps<T>['rowKey'], record: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(record, index);
  const field = rowKey ?? 'key';
  return (record as Record<string, Key>)[field] ?? index;
}

function leafColumns<T>(columns: TableProps<T>['columns']): ColumnType<T>[] {
  return (columns ?? []).flatMap((c) => ('children' in c ? leafColumns((c as ColumnGroupType<T>).children) : [c as ColumnType<T>])).filter((c) => !c.hidden);
}

function cellOf<T>(column: ColumnType<T>, record: T, index: number): ReactNode {
  // DataIndex<T> is a deep path type: read it as plain keys (TypeScript would expand it for every T).
  const dataIndex = column.dataIndex as unknown as string | number | readonly (string | number)[] | undefined;
  const path = dataIndex === undefined ? [] : typeof dataIndex === 'object' ? dataIndex : [dataIndex];
  const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], record);
  if (!column.render) return value as ReactNode;
  const rendered = column.render(value, record, index);
  // A render may return { children, props } (colSpan and the like): a card has only the content.
  if (rendered && typeof rendered === 'object' && !isValidElement(rendered) && 'children' in rendered) return rendered.children as ReactNode;
  return rendered as ReactNode;
}

function titleOf<T>(column: ColumnType<T>): ReactNode {
  return typeof column.title === 'function' ? column.title({}) : column.title;
}

/**
 * A table on wide screens, one card per row on phones (under 576 px), both from the same column
 * definitions: a seven-column table at 390 px is either squeezed to a word per line or scrolled
 * sideways. The card is headed by one column's cell (the title, a link) and lists the others as
 * label and value; selection, pagination, loading, the empty text and `onRow` styles carry over.
 */
export function ResponsiveTable<T extends object>({ cardTitleKey, ...props }: Props<T>) {
  const { cards } = useScreen();
  if (!cards) return <Table<T> {...props} />;
  return <CardList<T> cardTitleKey={cardTitleKey} {...props} />;
}

function CardList<T extends object>({ cardTitleKey, columns, dataSource, rowKey, rowSelection, pagination, loading, locale, onRow, 'data-testid': testId }: Props<T>) {
  const { t } = useTranslation();
  const rows = dataSource ?? [];
  const leaves = leafColumns(columns);
  const head = leaves.find((c) => c.key === cardTitleKey) ?? leaves[0];
  const rest = leaves.filter((c) => c !== head);
  // Selected rows of other pages are kept by key (as antd's preserveSelectedRowKeys does): remember each row seen.
  const seen = useRef(new Map<Key, T>());
  rows.forEach((r, i) => seen.current.set(keyOf(rowKey, r, i), r));
  const selectedKeys = rowSelection?.selectedRowKeys ?? [];
  const select = (keys: Key[]) => rowSelection?.onChange?.(keys, keys.map((k) => seen.current.get(k)).filter((r): r is T => r !== undefined), { type: 'multiple' });
  const pageKeys = rows.map((r, i) => keyOf(rowKey, r, i));
  const allOnPage = pageKeys.length > 0 && pageKeys.every((k) => selectedKeys.includes(k));
  const spinning = typeof loading === 'object' ? !!loading.spinning : !!loading;

  return (
    <Spin spinning={spinning}>
      <div data-testid={testId} data-layout="cards">
        {rowSelection && rows.length > 0 && (
          <Checkbox
            className="screen-only"
            style={{ marginBottom: 8 }}
            checked={allOnPage}
            indeterminate={!allOnPage && pageKeys.some((k) => selectedKeys.includes(k))}
            onChange={(e) => select(e.target.checked ? [...new Set([...selectedKeys, ...pageKeys])] : selectedKeys.filter((k) => !pageKeys.includes(k)))}
          >
            {t('table.selectPage')}
          </Checkbox>
        )}
        {rows.length === 0 && !spinning && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={locale?.emptyText as ReactNode} />}
        <ul className="plain-list responsive-cards">
          {rows.map((record, index) => {
            const key = keyOf(rowKey, record, index);
            const rowProps = onRow?.(record, index);
            const checkboxProps = rowSelection?.getCheckboxProps?.(record);
            return (
              <li key={key} data-testid="table-card" data-row-key={String(key)}>
                <Card size="small" style={rowProps?.style} className={rowProps?.className}>
                  <div className="responsive-card-head">
                    {rowSelection && (
                      <Checkbox
                        {...checkboxProps}
                        className="screen-only"
                        checked={selectedKeys.includes(key)}
                        onChange={(e) => select(e.target.checked ? [...selectedKeys, key] : selectedKeys.filter((k) => k !== key))}
                      />
                    )}
                    {head && <div className="responsive-card-title">{cellOf(head, record, index)}</div>}
                  </div>
                  <dl className="responsive-card-fields">
                    {rest.map((column, i) => (
                      <div key={String(column.key ?? i)}>
                        <dt>{titleOf(column)}</dt>
                        <dd>{cellOf(column, record, index)}</dd>
                      </div>
                    ))}
                  </dl>
                </Card>
              </li>
            );
          })}
        </ul>
        {pagination && (
          <Pagination
            size="small"
            align="center"
            style={{ marginTop: 12 }}
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            showSizeChanger={false}
            showTotal={pagination.showTotal}
            onChange={pagination.onChange}
          />
        )}
      </div>
    </Spin>
  );
}
