/**
 * "Công khai của xã" on the public page: a citizen picks a province and a commune and reads what
 * the commune made public after review — its publications and the results of its citizens'
 * decisions. Part of the public bundle (web/petition-main.tsx): no antd, no zod, no TanStack Query;
 * shapes are types only.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicGrassroots } from '../../../common/grassroots';
import { api } from '../../app/api-client';
import { useFormat } from '../../ui/use-format';
import { usePublicForm } from '../petitions/petitions-public.api';
import { PlacePicker } from '../petitions/public/place-picker';

function usePublicGrassroots(unitId: string | null) {
  const [state, setState] = useState<{ unitId: string | null; data?: PublicGrassroots; error?: unknown }>({ unitId: null });
  useEffect(() => {
    if (!unitId) return;
    let current = true;
    api.get<PublicGrassroots>('/api/public/grassroots', { unitId }).then(
      (data) => current && setState({ unitId, data }),
      (error: unknown) => current && setState({ unitId, error }),
    );
    return () => {
      current = false;
    };
  }, [unitId]);
  return state.unitId === unitId ? state : { unitId };
}

export function PublicGrassrootsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { province: useId(), commune: useId() };
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [communeId, setCommuneId] = useState<string | null>(null);
  const provinces = usePublicForm();
  const communes = usePublicForm(provinceId, !!provinceId);
  const shown = usePublicGrassroots(communeId);
  const d = shown.data;
  return (
    <section className="portal-card" aria-labelledby={`${ids.province}-title`} data-testid="public-grassroots">
      <h2 id={`${ids.province}-title`}>{t('grassroots.public.title')}</h2>
      <label htmlFor={ids.province}>{t('petitions.public.province')}</label>
      <PlacePicker
        id={ids.province}
        places={provinces.data?.units ?? []}
        loading={provinces.loading}
        value={provinceId}
        onChange={(id) => {
          setProvinceId(id);
          setCommuneId(null);
        }}
      />
      <label htmlFor={ids.commune}>{t('petitions.public.commune')}</label>
      <PlacePicker id={ids.commune} places={communes.data?.units ?? []} loading={communes.loading} disabled={!provinceId} value={communeId} onChange={setCommuneId} />
      {shown.error ? <p role="alert">{t('grassroots.public.error')}</p> : null}
      {d && d.publications.length === 0 && d.decisions.length === 0 && <p>{t('grassroots.public.empty')}</p>}
      {d && d.publications.length > 0 && (
        <ul data-testid="public-grassroots-publications">
          {d.publications.map((p, i) => (
            <li key={i}>
              <strong>{p.documentTitle}</strong> — {p.itemName}. {t('grassroots.public.publishedOn', { date: format.date(p.publishedOn) })}
            </li>
          ))}
        </ul>
      )}
      {d && d.decisions.length > 0 && (
        <>
          <h3>{t('grassroots.public.decisions')}</h3>
          <ul data-testid="public-grassroots-decisions">
            {d.decisions.map((x, i) => (
              <li key={i}>
                <strong>{x.subject}</strong> ({x.village}, {format.date(x.decidedOn)}): {t(x.passed ? 'grassroots.public.passed' : 'grassroots.public.notPassed')} —{' '}
                {t('grassroots.public.tally', { takingPart: format.number(x.householdsTakingPart), eligible: format.number(x.eligibleHouseholds), inFavour: format.number(x.inFavour) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
