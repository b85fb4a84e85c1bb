import type { FormInstance } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { fieldPathsOf } from './catalogues.api';

/**
 * Shows a refused addition on the form itself: each field the server names gets a message in the
 * user's language, and ALREADY_EXISTS marks the field that must be unique (`uniqueField`).
 * The general message stays in the ErrorAlert above the form.
 */
export function useServerErrors() {
  const { t } = useTranslation();
  return (form: FormInstance, error: unknown, uniqueField: string, messages: Record<string, string> = {}) => {
    const fields = fieldPathsOf(error).map((f) => ({ name: f.name, errors: [messages[f.name.join('.')] ?? t('catalogues.invalidValue')] }));
    if (isApiError(error, 'ALREADY_EXISTS')) fields.push({ name: [uniqueField], errors: [t('catalogues.alreadyExists')] });
    if (fields.length) form.setFields(fields);
  };
}
