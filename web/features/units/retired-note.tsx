import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import type { SuccessionLink } from './units.api';

type Props = { validTo: string | null; successors?: SuccessionLink[] };

/** "Retired on 01/07/2025 — succeeded by …" with links to the successors; nothing for a unit in force. */
export function RetiredNote({ validTo, successors = [] }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!validTo) return null;
  return (
    <span className="unit-retired" data-testid="retired-note">
      {t('units.retiredOn', { date: format.date(validTo) })}
      {successors.length > 0 && (
        <>
          {' — '}
          {t('units.succeededBy')}{' '}
          {successors.map((s, i) => (
            <Fragment key={s.unit.id}>
              {i > 0 && ', '}
              <Link to="/units/$unitId" params={{ unitId: s.unit.id }}>
                {s.unit.name}
              </Link>
            </Fragment>
          ))}
        </>
      )}
    </span>
  );
}
