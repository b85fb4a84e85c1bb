/**
 * The words of a case's status and severity, and a kind's name in the reader's language (the
 * catalogue carries its own names; Vietnamese when a language is missing).
 */
import { useTranslation } from 'react-i18next';
import type { HotspotStatus } from '../../../common/hotspots';
import { type HotspotKind, useHotspotKinds } from './hotspots.api';

export const STATUS_COLORS: Record<HotspotStatus, string> = { emerging: 'red', handling: 'orange', stabilised: 'blue', closed: 'default' };
export const SEVERITY_COLORS: Record<number, string> = { 1: 'default', 2: 'orange', 3: 'red' };

export function useHotspotWords() {
  const { t, i18n } = useTranslation();
  const kinds = useHotspotKinds();
  const status: Record<HotspotStatus, string> = {
    emerging: t('hotspots.status.emerging'),
    handling: t('hotspots.status.handling'),
    stabilised: t('hotspots.status.stabilised'),
    closed: t('hotspots.status.closed'),
  };
  const severity: Record<number, string> = { 1: t('hotspots.severity.low'), 2: t('hotspots.severity.medium'), 3: t('hotspots.severity.serious') };
  const kindName = (code: string) => {
    const k = kinds.data?.items.find((x: HotspotKind) => x.code === code);
    return k ? (k.names[i18n.language] ?? k.names.vi ?? code) : code;
  };
  return { status, severity, kindName, kinds: kinds.data?.items ?? [] };
}
