import Modal from 'antd/es/modal';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';

type Props = { password: string | null; username: string; onClose: () => void };

/** Shows a generated password once: it is not stored in readable form anywhere. */
export function TemporaryPasswordModal({ password, username, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={password !== null}
      title={t('users.temporaryPasswordTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('users.temporaryPasswordDone')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t('users.temporaryPasswordHelp', { username })}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code copyable={{ text: password ?? '' }} style={{ fontSize: 18 }} data-testid="temporary-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="warning">{t('users.temporaryPasswordOnce')}</Typography.Paragraph>
    </Modal>
  );
}
