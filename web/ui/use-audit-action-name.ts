import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKey, AUDIT_ACTIONS, RECORD_TYPES } from './audit-vocabulary';

const known = new Set<string>(AUDIT_ACTIONS);
const knownTypes = new Set<string>(RECORD_TYPES);

/** An audit action's name in the current language; unknown actions show their code. */
export function useAuditActionName(): (action: string) => string {
  const { t } = useTranslation();
  return useCallback((action: string) => (known.has(action) ? t(`auditActions.${actionKey(action)}`) : action), [t]);
}

export function useRecordTypeName(): (recordType: string) => string {
  const { t } = useTranslation();
  return useCallback((type: string) => (knownTypes.has(type) ? t(`recordTypes.${type}`) : type), [t]);
}
