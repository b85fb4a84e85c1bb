/**
 * A person's name as the register shows it: masked ("N*** V*** A***") for everyone, with "Xem danh
 * tính" for holders of situation.identity. Revealing asks the server, which writes the read to the
 * audit trail; the clear name stays on this row only until the page is left.
 */
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';
import { catalogueName } from '../../../common/religious-affairs';
import { ErrorAlert } from '../../ui/error-alert';
import { type Dignitary, type PrestigiousPerson, type ReligiousCatalogues, useRevealIdentity } from './religious-affairs.api';

type Props = { register: 'dignitaries' | 'persons'; record: Dignitary | PrestigiousPerson; catalogues?: ReligiousCatalogues };

export function IdentityReveal({ register, record, catalogues }: Props) {
  const { t, i18n } = useTranslation();
  const reveal = useRevealIdentity(register, record.id);
  if (record.identityErased) return <span className="muted">{t('religiousAffairs.identity.erased')}</span>;
  const identity = reveal.data;
  if (identity) {
    const attached =
      register === 'persons'
        ? catalogueName(catalogues?.ethnicGroups.find((e) => e.code === identity.ethnicCode), i18n.language)
        : [identity.religiousName, catalogueName(catalogues?.religions.find((e) => e.code === identity.religionCode), i18n.language)].filter(Boolean).join(' · ');
    return (
      <span data-testid="identity-name">
        <strong>{identity.name}</strong>
        {attached && ` (${attached})`}
      </span>
    );
  }
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <span data-testid="masked-name">{record.name}</span>
      {record.canReadIdentity && (
        <Button size="small" onClick={() => reveal.mutate()} loading={reveal.isPending} data-testid="reveal-identity" title={t('religiousAffairs.identity.audited')}>
          {t('religiousAffairs.identity.reveal')}
        </Button>
      )}
      <ErrorAlert error={reveal.error} />
    </span>
  );
}
