/**
 * Export of a personal register with names: only for holders of situation.identity on the unit,
 * and only with the reason written out; the server refuses otherwise and writes the reason to the
 * audit trail. Without names the file has masked names and no religion or ethnicity.
 */
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../ui/download-button';
import { ErrorAlert } from '../../ui/error-alert';
import { registerExportUrl } from './religious-affairs.api';

type Props = { register: 'dignitaries' | 'persons'; unitId: string; onClose: () => void };

export function NamesExportModal({ register, unitId, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fileName = register === 'persons' ? 'nguoi-co-uy-tin.xlsx' : 'chuc-sac.xlsx';
  return (
    <Modal open title={t('religiousAffairs.export.namesTitle')} onCancel={onClose} footer={null}>
      <p>{t('religiousAffairs.export.namesHint')}</p>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {t('religiousAffairs.export.reason')}
      </label>
      <Input.TextArea id={id} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="export-reason" />
      <ErrorAlert error={error} />
      <div style={{ marginTop: 12 }}>
        <DownloadButton href={registerExportUrl(register, unitId, reason.trim() || ' ')} fileName={fileName} onError={setError} data-testid="export-names">
          {t('religiousAffairs.export.withNames')}
        </DownloadButton>
      </div>
    </Modal>
  );
}
