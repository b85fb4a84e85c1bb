import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type UnitKind, useUnitKinds } from './units.api';

/** A kind's name in the current language, falling back to Vietnamese, then to its code. */
export function kindName(kind: UnitKind | undefined, language: string, code: string): string {
  return kind?.names[language] ?? kind?.names.vi ?? code;
}

export function useKindName(): (code: string) => string {
  const { i18n } = useTranslation();
  const kinds = useUnitKinds().data?.items;
  return useCallback((code: string) => kindName(kinds?.find((k) => k.code === code), i18n.language, code), [kinds, i18n.language]);
}
