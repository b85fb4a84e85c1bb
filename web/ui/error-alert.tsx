import Alert from 'antd/es/alert';
import type { ReactNode } from 'react';
import { useErrorMessage } from './use-error-message';

type Props = { error: unknown; action?: ReactNode; className?: string };

/** A failed request, explained in the user's language; renders nothing without an error. */
export function ErrorAlert({ error, action, className }: Props) {
  const message = useErrorMessage();
  if (!error) return null;
  return <Alert className={className} type="error" showIcon title={message(error)} action={action} role="alert" style={{ marginBottom: 16 }} />;
}
