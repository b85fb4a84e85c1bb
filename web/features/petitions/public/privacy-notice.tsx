/**
 * The data-protection notice of the public page and the consent it asks for (Law 91/2025/QH15 on
 * personal data protection, art. 4 and the Government's Decree 356/2025/NĐ-CP; docs/petitions.md,
 * "The public page"): who processes the data, for what, what is collected, who sees it, how long
 * it is kept (the retention rule the erasure job applies), the citizen's rights and whom to ask.
 */
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalInfo } from '../../../../common/petitions';
import { isolate } from '../isolate-text';

type Props = {
  portal: PortalInfo;
  /** The unit the citizen writes to, named when no agency is configured. */
  unitName: string | null;
  consent: boolean;
  onConsent: (consent: boolean) => void;
  error?: string | null;
};

/** Who processes the data: the configured agency, else the unit chosen, else "the receiving body". */
export function controllerName(t: TFunction, portal: PortalInfo, unitName: string | null): string {
  return portal.agency.name ?? unitName ?? t('portal.notice.receivingBody');
}

export function PrivacyNotice({ portal, unitName, consent, onConsent, error }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const errorId = useId();
  // Names and numbers inside a sentence of another direction keep their own order (isolate-text.ts).
  const controller = isolate(controllerName(t, portal, unitName));
  const contact = [portal.agency.hotline, portal.agency.email].filter((c): c is string => Boolean(c)).map(isolate).join(', ');
  return (
    <section className="portal-notice" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('portal.notice.title')}</h3>
      <ul>
        <li>{t('portal.notice.controller', { controller })}</li>
        <li>{t('portal.notice.purpose')}</li>
        <li>{t('portal.notice.data')}</li>
        <li>{t('portal.notice.recipients')}</li>
        <li>{t('portal.notice.retention', { count: portal.retentionYears })}</li>
        <li>{t('portal.notice.rights')}</li>
        {contact && <li>{t('portal.notice.contact', { contact })}</li>}
      </ul>
      <p className="portal-notice-basis">{t('portal.notice.basis')}</p>
      <div className="portal-check">
        <input
          id="public-petition_consent"
          type="checkbox"
          checked={consent}
          onChange={(e) => onConsent(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          required
        />
        <label htmlFor="public-petition_consent">{t('portal.notice.consent', { controller })}</label>
      </div>
      {error && (
        <p id={errorId} className="portal-error">
          {error}
        </p>
      )}
    </section>
  );
}
