/**
 * The figures by religion and ethnicity of a unit and year: bars and tables. Counts of persons
 * come with small cells suppressed ("< 3", folded into "Khác"); a holder of situation.identity may
 * ask for the exact figures. The workbook is always suppressed, since a file travels further.
 */
import Card from 'antd/es/card';
import Checkbox from 'antd/es/checkbox';
import { useContext, useState } from 'react';
import ConfigProvider from 'antd/es/config-provider';
import { useTranslation } from 'react-i18next';
import { catalogueName, type FigureTable } from '../../../common/religious-affairs';
import { DownloadButton } from '../../ui/download-button';
import { EChart } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { figuresExportUrl, type ReligiousCatalogues, useReligiousFigures } from './religious-affairs.api';
import { figureBars, figuresChartOption } from './figures-chart';

type Props = { unitId: string; year: number; catalogues?: ReligiousCatalogues };

export function FiguresPanel({ unitId, year, catalogues }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { direction } = useContext(ConfigProvider.ConfigContext);
  const canExact = useCan('situation.identity');
  const [exact, setExact] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const figures = useReligiousFigures(unitId, year, exact);
  const f = figures.data;
  const nameIn = (items: { code: string; names: Record<string, string> }[] | undefined) => (key: string) => catalogueName(items?.find((i) => i.code === key), i18n.language) || key;
  const other = t('religiousAffairs.figures.other');

  const block = (title: string, table: FigureTable, name: (key: string) => string, color: string, testId: string, amount = false) => {
    const bars = figureBars(table, name, other);
    return (
      <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={testId}>
        {bars.length > 0 && <EChart option={figuresChartOption(bars, { rtl: direction === 'rtl', number: format.number, color })} height={Math.max(160, 60 + bars.length * 30)} label={title} />}
        <table className="plain-table" style={{ width: '100%' }}>
          <tbody>
            {table.cells.map((c) => (
              <tr key={c.key}>
                <td>{name(c.key)}</td>
                <td style={{ textAlign: 'end' }}>{c.n !== null ? format.number(c.n) : c.suppressed === 'small' ? t('religiousAffairs.figures.small') : t('religiousAffairs.figures.folded')}</td>
                {amount && <td style={{ textAlign: 'end' }}>{c.amount !== null ? format.number(c.amount) : ''}</td>}
              </tr>
            ))}
            {(table.suppressedAny || !!table.other.n) && (
              <tr>
                <td>{other}</td>
                <td style={{ textAlign: 'end' }}>{table.other.n !== null ? format.number(table.other.n) : t('religiousAffairs.figures.small')}</td>
                {amount && <td style={{ textAlign: 'end' }}>{table.other.amount !== null ? format.number(table.other.amount) : ''}</td>}
              </tr>
            )}
            <tr>
              <th style={{ textAlign: 'start' }}>{t('religiousAffairs.figures.total')}</th>
              <th style={{ textAlign: 'end' }}>{format.number(table.total.n)}</th>
              {amount && <th style={{ textAlign: 'end' }}>{format.number(table.total.amount)}</th>}
            </tr>
          </tbody>
        </table>
      </Card>
    );
  };

  return (
    <>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginBottom: 12 }}>
        {canExact && (
          <Checkbox checked={exact} onChange={(e) => setExact(e.target.checked)} data-testid="figures-exact">
            {t('religiousAffairs.figures.exact')}
          </Checkbox>
        )}
        <DownloadButton href={figuresExportUrl(unitId, year)} fileName={`dan-toc-ton-giao-${year}.xlsx`} onError={setExportError}>
          {t('common.exportExcel')}
        </DownloadButton>
      </div>
      <p className="muted">{exact ? t('religiousAffairs.figures.exactNote') : t('religiousAffairs.figures.suppressedNote')}</p>
      <ErrorAlert error={figures.error ?? exportError} />
      {f && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 16 }}>
          <div>
            {block(t('religiousAffairs.figures.organizations'), f.organizationsByReligion, nameIn(catalogues?.religions), '#1565c0', 'figures-organizations')}
            {block(t('religiousAffairs.figures.places'), f.placesByReligion, nameIn(catalogues?.religions), '#00838f', 'figures-places')}
            {block(t('religiousAffairs.figures.dignitaries'), f.dignitariesByReligion, nameIn(catalogues?.religions), '#6a1b9a', 'figures-dignitaries')}
          </div>
          <div>
            {block(t('religiousAffairs.figures.persons'), f.personsByEthnicity, nameIn(catalogues?.ethnicGroups), '#c62828', 'figures-persons')}
            {block(t('religiousAffairs.figures.support'), f.supportByKind, nameIn(catalogues?.supportKinds), '#2e7d32', 'figures-support', true)}
            <Card size="small" title={t('religiousAffairs.figures.eventsAndMovement')}>
              <p>{t('religiousAffairs.figures.events', { count: f.events.count, attendance: format.number(f.events.expectedAttendance) })}</p>
              <p>
                {t('religiousAffairs.figures.participation', {
                  organizations: format.number(f.participation.organizations),
                  dignitaries: f.participation.dignitaries === null ? t('religiousAffairs.figures.small') : format.number(f.participation.dignitaries),
                  persons: f.participation.persons === null ? t('religiousAffairs.figures.small') : format.number(f.participation.persons),
                })}
              </p>
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
