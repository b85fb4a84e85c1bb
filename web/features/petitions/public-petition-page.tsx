/**
 * The public petition page (no sign-in; its own document and small bundle, web/petition-main.tsx):
 * send a recommendation or reflection to a province or commune and look a petition up by its
 * tracking code and secret. A government portal's page: the agency and its hotline from the
 * configuration, the data-protection notice with the consent it needs, the statutory time limits
 * in plain words, and the receipt to print, copy or download. Plain React and a little CSS
 * (public/portal.css): no antd, so a phone on a slow network loads it in a couple of seconds.
 */
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../common/access';
import { PETITION_LIMITS } from '../../../common/petition-limits';
import type { PortalInfo, PublicStatus } from '../../../common/petitions';
import { isApiError } from '../../app/api-client';
import { errorMessageKey, useErrorMessage } from '../../ui/use-error-message';
import { useFormat } from '../../ui/use-format';
import { PetitionReceipt, type ReceiptData } from './petition-receipt';
import { fileToBase64, useLookupPetition, usePortal, usePublicForm, useSubmitPetition } from './petitions-public.api';
import { PlacePicker } from './public/place-picker';
import { PublicGrassrootsSection } from '../grassroots/public-grassroots';
import { currentLocale } from '../../app/i18n-core';
import { setPortalLanguage } from './public/portal-i18n';
import { PrivacyNotice } from './public/privacy-notice';
import { isolate } from './isolate-text';
import { durationWords, timeLimitWords } from './time-limit-words';
import './public/portal.css';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf';

type Values = {
  provinceId: string | null;
  communeId: string | null;
  categoryCode: string;
  title: string;
  content: string;
  anonymous: boolean;
  name: string;
  contact: string;
  address: string;
};
type FieldName = keyof Values | 'attachments' | 'consent';
type Errors = Partial<Record<FieldName, string>>;

const EMPTY: Values = { provinceId: null, communeId: null, categoryCode: '', title: '', content: '', anonymous: false, name: '', contact: '', address: '' };
const FORM = 'public-petition';
const fieldId = (name: FieldName) => `${FORM}_${name}`;

type FieldProps = { id: string; label: string; required?: boolean; help?: string; error?: string; children: (describedBy: string | undefined) => ReactNode };

/** A labelled field with its help and its error, both announced with the input. */
function Field({ id, label, required, help, error, children }: FieldProps) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="portal-field">
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="portal-required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {children(describedBy)}
      {help && (
        <p id={`${id}-help`} className="portal-help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="portal-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The staff app's messages by error code, except the rate limit: its text speaks of sign-in
 * attempts, and here it stops a citizen sending too many petitions.
 */
function usePortalErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const staff = useErrorMessage();
  return (error) => {
    const { key, values } = errorMessageKey(error);
    if (key === 'errors.TOO_MANY_ATTEMPTS') return t('portal.tooManyAttempts', { minutes: values?.minutes });
    if (key === 'errors.tooManyAttemptsLater') return t('portal.tooManyAttemptsLater');
    return staff(error);
  };
}

function ErrorBanner({ error }: { error: unknown }) {
  const message = usePortalErrorMessage();
  if (!error) return null;
  return (
    <p className="portal-banner error" role="alert">
      {message(error)}
    </p>
  );
}

function SubmitForm({ portal }: { portal: PortalInfo }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [values, setValues] = useState<Values>(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  const provinces = usePublicForm();
  const communes = usePublicForm(values.provinceId, Boolean(values.provinceId));
  const submit = useSubmitPetition();
  const formRef = useRef<HTMLFormElement>(null);
  const receiptRef = useRef<HTMLDivElement>(null);
  const units = [...(provinces.data?.units ?? []), ...(communes.data?.units ?? [])];
  const unitName = units.find((u) => u.id === (values.communeId ?? values.provinceId))?.name ?? null;
  const required = t('petitions.public.required');

  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);

  const set = <K extends keyof Values>(name: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const check = (): Errors => {
    const e: Errors = {};
    if (!values.provinceId) e.provinceId = required;
    if (!values.categoryCode) e.categoryCode = required;
    if (!values.title.trim()) e.title = required;
    if (!values.content.trim()) e.content = required;
    if (!values.anonymous && !values.name.trim()) e.name = required;
    if (files.length > PETITION_LIMITS.publicAttachments) e.attachments = t('portal.files.tooMany', { max: PETITION_LIMITS.publicAttachments });
    const big = files.find((f) => f.size > PETITION_LIMITS.publicAttachmentBytes);
    if (big) e.attachments = t('portal.files.tooBig', { name: big.name, mb: PETITION_LIMITS.publicAttachmentBytes / 1024 / 1024 });
    if (!consent) e.consent = t('portal.notice.consentRequired');
    return e;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    const first = (Object.keys(found) as FieldName[])[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
      return;
    }
    const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f) })));
    const sent = await submit.run({
      unitId: (values.communeId ?? values.provinceId)!,
      anonymous: values.anonymous,
      submitter: values.anonymous ? undefined : { name: values.name, contact: values.contact || undefined, address: values.address || undefined },
      categoryCode: values.categoryCode,
      title: values.title,
      content: values.content,
      attachments,
      consent: { accepted: true, noticeVersion: portal.noticeVersion },
    });
    if (!sent) return;
    setReceipt({
      number: sent.number,
      trackingCode: sent.trackingCode,
      secret: sent.secret,
      kind: 'recommendation',
      unitName,
      receivedOn: sent.receivedOn,
      dueOn: sent.dueOn,
      timeLimit: portal.timeLimits.find((l) => l.kind === 'recommendation') ?? null,
    });
    setValues(EMPTY);
    setFiles([]);
    setConsent(false);
  };

  if (receipt) {
    return (
      <div ref={receiptRef} tabIndex={-1} className="portal-receipt">
        <p className="portal-banner success">{t('petitions.public.sent', { number: receipt.number })}</p>
        <p className="portal-banner warning">{t('petitions.public.keepSecret')}</p>
        <PetitionReceipt receipt={receipt} portal={portal}>
          <button type="button" className="petition-receipt-button" onClick={() => setReceipt(null)}>
            {t('petitions.public.another')}
          </button>
        </PetitionReceipt>
      </div>
    );
  }

  const categories = [...(provinces.data?.categories ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <form id={FORM} ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)}>
      <ErrorBanner error={submit.error ?? provinces.error} />
      <Field id={fieldId('provinceId')} label={t('petitions.public.province')} required error={errors.provinceId}>
        {(describedBy) => (
          <PlacePicker
            id={fieldId('provinceId')}
            places={provinces.data?.units ?? []}
            loading={provinces.loading}
            value={values.provinceId}
            onChange={(id) => {
              set('provinceId', id);
              set('communeId', null);
            }}
            invalid={Boolean(errors.provinceId)}
            describedBy={describedBy}
            required
          />
        )}
      </Field>
      <Field id={fieldId('communeId')} label={t('petitions.public.commune')} help={t('petitions.public.communeHelp')}>
        {(describedBy) => (
          <PlacePicker
            id={fieldId('communeId')}
            places={communes.data?.units ?? []}
            loading={communes.loading}
            disabled={!values.provinceId}
            value={values.communeId}
            onChange={(id) => set('communeId', id)}
            describedBy={describedBy}
          />
        )}
      </Field>
      <Field id={fieldId('categoryCode')} label={t('petitions.fields.category')} required error={errors.categoryCode}>
        {(describedBy) => (
          <select
            id={fieldId('categoryCode')}
            value={values.categoryCode}
            onChange={(e) => set('categoryCode', e.target.value)}
            aria-invalid={errors.categoryCode ? true : undefined}
            aria-describedby={describedBy}
            aria-required
          >
            <option value="">{t('portal.chooseCategory')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.names[locale] ?? c.names.vi}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={fieldId('title')} label={t('petitions.fields.title')} required error={errors.title}>
        {(describedBy) => (
          <input
            id={fieldId('title')}
            type="text"
            value={values.title}
            maxLength={PETITION_LIMITS.title}
            onChange={(e) => set('title', e.target.value)}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy}
            aria-required
          />
        )}
      </Field>
      <Field id={fieldId('content')} label={t('petitions.fields.content')} required error={errors.content} help={t('portal.contentCount', { used: values.content.length, max: PETITION_LIMITS.publicContent })}>
        {(describedBy) => (
          <textarea
            id={fieldId('content')}
            rows={6}
            value={values.content}
            maxLength={PETITION_LIMITS.publicContent}
            onChange={(e) => set('content', e.target.value)}
            aria-invalid={errors.content ? true : undefined}
            aria-describedby={describedBy}
            aria-required
          />
        )}
      </Field>
      <div className="portal-check">
        <input id={fieldId('anonymous')} type="checkbox" checked={values.anonymous} onChange={(e) => set('anonymous', e.target.checked)} />
        <label htmlFor={fieldId('anonymous')}>{t('petitions.public.anonymous')}</label>
      </div>
      {!values.anonymous && (
        <>
          <Field id={fieldId('name')} label={t('petitions.fields.submitterName')} required error={errors.name}>
            {(describedBy) => (
              <input
                id={fieldId('name')}
                type="text"
                autoComplete="name"
                value={values.name}
                maxLength={PETITION_LIMITS.name}
                onChange={(e) => set('name', e.target.value)}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={describedBy}
                aria-required
              />
            )}
          </Field>
          <Field id={fieldId('contact')} label={t('petitions.fields.contact')}>
            {(describedBy) => (
              <input id={fieldId('contact')} type="text" inputMode="tel" autoComplete="tel" value={values.contact} maxLength={PETITION_LIMITS.contact} onChange={(e) => set('contact', e.target.value)} aria-describedby={describedBy} />
            )}
          </Field>
          <Field id={fieldId('address')} label={t('petitions.fields.address')}>
            {(describedBy) => (
              <input id={fieldId('address')} type="text" autoComplete="street-address" value={values.address} maxLength={PETITION_LIMITS.address} onChange={(e) => set('address', e.target.value)} aria-describedby={describedBy} />
            )}
          </Field>
        </>
      )}
      <Field
        id={fieldId('attachments')}
        label={t('petitions.fields.attachments')}
        error={errors.attachments}
        help={t('petitions.public.attachmentsHelp', { count: PETITION_LIMITS.publicAttachments, mb: PETITION_LIMITS.publicAttachmentBytes / 1024 / 1024 })}
      >
        {(describedBy) => (
          <>
            <input
              id={fieldId('attachments')}
              type="file"
              multiple
              accept={ACCEPT}
              aria-invalid={errors.attachments ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => {
                const picked = [...(e.target.files ?? [])];
                setFiles((f) => [...f, ...picked]);
                setErrors((x) => ({ ...x, attachments: undefined }));
                // The same file may be picked again after it is removed.
                e.target.value = '';
              }}
            />
            {files.length > 0 && (
              <ul className="portal-files">
                {files.map((f, i) => (
                  <li key={`${f.name}-${i}`}>
                    <span>{f.name}</span>
                    <button type="button" className="portal-link" aria-label={t('portal.files.removeNamed', { name: f.name })} onClick={() => setFiles((all) => all.filter((_, j) => j !== i))}>
                      {t('portal.files.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Field>
      <PrivacyNotice
        portal={portal}
        unitName={unitName}
        consent={consent}
        onConsent={(c) => {
          setConsent(c);
          setErrors((e) => ({ ...e, consent: undefined }));
        }}
        error={errors.consent}
      />
      <button type="submit" className="portal-button primary block" disabled={submit.pending} aria-busy={submit.pending || undefined}>
        {submit.pending ? t('portal.sending') : t('petitions.public.send')}
      </button>
    </form>
  );
}

function LookupForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const message = usePortalErrorMessage();
  const lookup = useLookupPetition();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [missing, setMissing] = useState<{ code?: boolean; secret?: boolean }>({});
  const [status, setStatus] = useState<PublicStatus | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps = { code: !code.trim(), secret: !secret.trim() };
    setMissing(gaps);
    if (gaps.code || gaps.secret) return;
    setStatus((await lookup.run({ code, secret })) ?? null);
  };

  return (
    <>
      <form id="petition-lookup" noValidate onSubmit={(e) => void onSubmit(e)}>
        {lookup.error ? (
          <p className="portal-banner error" role="alert">
            {isApiError(lookup.error, 'NOT_FOUND') ? t('petitions.public.notFound') : message(lookup.error)}
          </p>
        ) : null}
        <Field id="petition-lookup_code" label={t('petitions.public.code')} required error={missing.code ? t('petitions.public.required') : undefined}>
          {(describedBy) => (
            <input
              id="petition-lookup_code"
              type="text"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder="XXXX-XXXX-XXXX"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={missing.code || undefined}
              aria-describedby={describedBy}
              aria-required
            />
          )}
        </Field>
        <Field id="petition-lookup_secret" label={t('petitions.public.secret')} required error={missing.secret ? t('petitions.public.required') : undefined}>
          {(describedBy) => (
            <input
              id="petition-lookup_secret"
              type="password"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              aria-invalid={missing.secret || undefined}
              aria-describedby={describedBy}
              aria-required
            />
          )}
        </Field>
        <button type="submit" className="portal-button primary block" disabled={lookup.pending} aria-busy={lookup.pending || undefined}>
          {t('petitions.public.lookUp')}
        </button>
      </form>
      {status && (
        <dl className="portal-result" data-testid="lookup-result" aria-live="polite">
          <dt>{t('petitions.fields.status')}</dt>
          <dd>{t(`petitions.status.${status.status}`)}</dd>
          <dt>{t('petitions.fields.receivedOn')}</dt>
          <dd>{format.date(status.receivedOn)}</dd>
          <dt>{t('petitions.fields.dueOn')}</dt>
          <dd>{format.date(status.dueOn)}</dd>
          {status.closedOn && (
            <>
              <dt>{t('petitions.fields.closedOn')}</dt>
              <dd>{format.date(status.closedOn)}</dd>
            </>
          )}
          <dt>{t('petitions.fields.publicReply')}</dt>
          <dd className="portal-reply">{status.publicReply ?? t('petitions.public.noReplyYet')}</dd>
        </dl>
      )}
    </>
  );
}

/** The statutory time limits, as data (petition_time_limits), in plain words. */
function TimeLimits({ portal }: { portal: PortalInfo }) {
  const { t } = useTranslation();
  const headingId = useId();
  const order = ['recommendation', 'complaint', 'denunciation'];
  const limits = [...portal.timeLimits].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const recommendation = limits.find((l) => l.kind === 'recommendation');
  return (
    <section className="portal-card portal-limits" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('portal.limits.title')}</h2>
      {recommendation && <p className="portal-limits-lead">{t('portal.limits.lead', { duration: durationWords(t, recommendation.days, recommendation.basis) })}</p>}
      <ul>
        {limits.map((l) => (
          <li key={l.kind} data-testid={`time-limit-${l.kind}`}>
            {timeLimitWords(t, l)} <span className="portal-source">{t('petitions.limitWords.source', { source: isolate(l.source) })}</span>
          </li>
        ))}
      </ul>
      <p className="portal-help">{t('portal.limits.counting')}</p>
      <p className="portal-help">{t('portal.limits.onlyRecommendations')}</p>
    </section>
  );
}

/** The agency's address, hotline and e-mail (DANVAN_AGENCY_*, DANVAN_HOTLINE). */
function Contact({ portal }: { portal: PortalInfo }) {
  const { t } = useTranslation();
  const { address, hotline, email } = portal.agency;
  if (!address && !hotline && !email) return null;
  return (
    <ul className="portal-contact" data-testid="portal-contact">
      {hotline && (
        <li>
          {t('portal.agency.hotline')}:{' '}
          <a href={`tel:${hotline.replace(/[^\d+]/g, '')}`} dir="ltr">
            {hotline}
          </a>
        </li>
      )}
      {address && (
        <li>
          {t('portal.agency.address')}: {address}
        </li>
      )}
      {email && (
        <li>
          {t('portal.agency.email')}:{' '}
          <a href={`mailto:${email}`} dir="ltr">
            {email}
          </a>
        </li>
      )}
    </ul>
  );
}

function LanguagePicker() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <span className="portal-language">
      <label htmlFor="portal-language" className="visually-hidden">
        {t('common.language')}
      </label>
      <select
        id="portal-language"
        value={currentLocale()}
        disabled={busy}
        onChange={(e) => {
          const next = LOCALES.find((l) => l === e.target.value);
          if (!next) return;
          setBusy(true);
          void setPortalLanguage(next).finally(() => setBusy(false));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languageNames.${l}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

type Tab = 'send' | 'lookup';
const TABS: Tab[] = ['send', 'lookup'];

/** Two tabs (WAI-ARIA tabs pattern): arrows move between them, each panel keeps its state. */
function Tabs({ panels }: { panels: Record<Tab, ReactNode> }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('send');
  const base = useId();
  const label = { send: t('petitions.public.tabSend'), lookup: t('petitions.public.tabLookup') };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = e.key === 'Home' ? TABS[0]! : e.key === 'End' ? TABS[TABS.length - 1]! : TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    setTab(next);
    document.getElementById(`${base}-tab-${next}`)?.focus();
  };
  return (
    <>
      <div role="tablist" className="portal-tabs">
        {TABS.map((k) => (
          <button
            key={k}
            id={`${base}-tab-${k}`}
            type="button"
            role="tab"
            aria-selected={tab === k}
            aria-controls={`${base}-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            onKeyDown={onKeyDown}
          >
            {label[k]}
          </button>
        ))}
      </div>
      {TABS.map((k) => (
        <div key={k} id={`${base}-panel-${k}`} role="tabpanel" aria-labelledby={`${base}-tab-${k}`} hidden={tab !== k} className="portal-panel">
          {panels[k]}
        </div>
      ))}
    </>
  );
}

export function PublicPetitionPage() {
  const { t } = useTranslation();
  const portal = usePortal();
  const agency = portal.data?.agency.name;
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-bar">
          <p className="portal-agency" data-testid="portal-agency">
            {agency ?? t('portal.defaultAgency')}
          </p>
          <LanguagePicker />
        </div>
      </header>
      <main className="portal-main">
        <h1>{t('petitions.public.title')}</h1>
        <p className="portal-intro">{t('petitions.public.intro')}</p>
        {portal.data ? (
          <>
            <div className="portal-card">
              <Tabs panels={{ send: <SubmitForm portal={portal.data} />, lookup: <LookupForm /> }} />
            </div>
            <TimeLimits portal={portal.data} />
            <PublicGrassrootsSection />
          </>
        ) : portal.error ? (
          <div className="portal-card">
            <ErrorBanner error={portal.error} />
            <button type="button" className="portal-button" onClick={portal.retry}>
              {t('portal.retry')}
            </button>
          </div>
        ) : (
          <p className="portal-card" role="status">
            {t('portal.loading')}
          </p>
        )}
      </main>
      <footer className="portal-footer">
        <p className="portal-footer-agency">{agency ?? t('portal.defaultAgency')}</p>
        {portal.data && <Contact portal={portal.data} />}
        <p className="portal-help">{t('portal.footerLaw')}</p>
      </footer>
    </div>
  );
}
