import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Image from 'antd/es/image';
import Popconfirm from 'antd/es/popconfirm';
import Progress from 'antd/es/progress';
import Space from 'antd/es/space';
import Upload from 'antd/es/upload';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_LIMITS } from '../../../common/entries';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { type EntryDetail, entryKeys, evidenceUrl, uploadFile, useRemoveEvidence } from './entries.api';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** Evidence: images as thumbnails (click to preview), PDFs as links; upload with progress; remove. */
export function EntryEvidence({ entry, canEdit }: { entry: EntryDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const remove = useRemoveEvidence();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const images = entry.evidence.filter((e) => e.contentType.startsWith('image/'));
  const documents = entry.evidence.filter((e) => !e.contentType.startsWith('image/'));

  const upload = async (file: File) => {
    setError(null);
    if (file.size > ENTRY_LIMITS.evidenceBytes) {
      void message.error(t('errors.FILE_TOO_LARGE'));
      return;
    }
    setPercent(0);
    try {
      await uploadFile(`/api/entries/${entry.id}/evidence`, file, { onProgress: setPercent });
      await queryClient.invalidateQueries({ queryKey: entryKeys.detail(entry.id) });
      void message.success(t('entries.evidenceUploaded', { name: file.name }));
    } catch (e) {
      setError(e);
    } finally {
      setPercent(null);
    }
  };

  const removeButton = (evidenceId: string, name: string) =>
    canEdit && (
      <Popconfirm title={t('entries.evidenceRemoveConfirm', { name })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate({ id: entry.id, evidenceId })}>
        <Button size="small" danger type="link">
          {t('entries.remove')}
        </Button>
      </Popconfirm>
    );

  return (
    <div data-testid="entry-evidence">
      <ErrorAlert error={error ?? remove.error} />
      {entry.evidence.length === 0 && <p>{t('entries.noEvidence')}</p>}
      <Image.PreviewGroup>
        <Space wrap size={16} align="start">
          {images.map((e) => (
            <figure key={e.id} style={{ margin: 0, width: 128 }}>
              <Image src={evidenceUrl(entry.id, e.id)} alt={e.fileName} width={128} height={96} style={{ objectFit: 'cover' }} />
              <figcaption style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {e.fileName} {removeButton(e.id, e.fileName)}
              </figcaption>
            </figure>
          ))}
        </Space>
      </Image.PreviewGroup>
      {documents.length > 0 && (
        <ul>
          {documents.map((e) => (
            <li key={e.id}>
              <a href={evidenceUrl(entry.id, e.id)} target="_blank" rel="noreferrer">
                {e.fileName}
              </a>{' '}
              ({format.number(Math.ceil(e.sizeBytes / 1024))} KB, {format.dateTime(e.uploadedAt)}) {removeButton(e.id, e.fileName)}
            </li>
          ))}
        </ul>
      )}
      {canEdit && entry.evidence.length < ENTRY_LIMITS.evidencePerEntry && (
        <div style={{ marginTop: 12 }}>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={percent !== null}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button loading={percent !== null}>{t('entries.evidenceUpload')}</Button>
          </Upload>
          <div style={{ fontSize: 12, color: '#666', marginTop: 4 }}>{t('entries.evidenceHelp', { mb: ENTRY_LIMITS.evidenceBytes / 1024 / 1024 })}</div>
          {percent !== null && <Progress percent={percent} size="small" style={{ maxWidth: 320 }} />}
        </div>
      )}
    </div>
  );
}
