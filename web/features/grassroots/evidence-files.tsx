/**
 * The evidence files of a publication or a dialogue conference: download, and for its writers
 * upload with progress and remove (a removed file is hidden, kept on the server). Files are never
 * public, and the list says so: a photo of the notice board can show people's faces and names.
 * A dialogue conference's files each have a purpose (notice, results, minutes), chosen before upload.
 */
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Popconfirm from 'antd/es/popconfirm';
import Progress from 'antd/es/progress';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import Upload from 'antd/es/upload';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_FILE_PURPOSES, type DialogueFilePurpose, type EvidenceFile, GRASSROOTS_FILE_LIMITS, GRASSROOTS_FILE_TYPES } from '../../../common/grassroots-files';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { uploadFile } from '../entries/entries.api';

const ACCEPT = [...Object.keys(GRASSROOTS_FILE_TYPES), ...Object.values(GRASSROOTS_FILE_TYPES).flat().map((ext) => `.${ext}`)].join(',');

type Props = {
  files: (EvidenceFile & { purpose?: DialogueFilePurpose })[];
  canEdit: boolean;
  /** Where a file is posted (the purpose, when asked for, is added as `?purpose=`). */
  uploadUrl: string;
  /** Where a file is read and removed: `${fileUrl}/${id}`. */
  fileUrl: string;
  maxFiles: number;
  /** Ask for a purpose before upload (dialogue conferences). */
  withPurpose?: boolean;
  /** Called after an upload or a removal, for the caller to read the list again. */
  onChanged: () => Promise<unknown>;
};

export function EvidenceFiles({ files, canEdit, uploadUrl, fileUrl, maxFiles, withPurpose = false, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [purpose, setPurpose] = useState<DialogueFilePurpose>('notice');

  const upload = async (file: File) => {
    setError(null);
    if (file.size > GRASSROOTS_FILE_LIMITS.fileBytes) {
      void message.error(t('errors.FILE_TOO_LARGE'));
      return;
    }
    setPercent(0);
    try {
      await uploadFile<EvidenceFile>(withPurpose ? `${uploadUrl}?purpose=${purpose}` : uploadUrl, file, { onProgress: setPercent });
      await onChanged();
      void message.success(t('evidenceFiles.uploaded', { name: file.name }));
    } catch (e) {
      setError(e);
    } finally {
      setPercent(null);
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      await api.delete<unknown>(`${fileUrl}/${id}`);
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section data-testid="evidence-files">
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('evidenceFiles.notPublic')}
      </Typography.Paragraph>
      {files.length === 0 && <Typography.Paragraph type="secondary">{t('evidenceFiles.none')}</Typography.Paragraph>}
      {files.length > 0 && (
        <ul style={{ paddingInlineStart: 20 }}>
          {files.map((f) => (
            <li key={f.id} data-testid="evidence-file">
              {f.purpose && <Tag>{t(`evidenceFiles.purposes.${f.purpose}`)}</Tag>}
              <a href={`${fileUrl}/${f.id}`} target="_blank" rel="noreferrer" download={f.fileName}>
                <bdi>{f.fileName}</bdi>
              </a>{' '}
              ({t('evidenceFiles.size', { kb: format.number(Math.max(1, Math.ceil(f.sizeBytes / 1024))), at: format.dateTime(f.uploadedAt) })})
              {canEdit && (
                <Popconfirm title={t('evidenceFiles.removeConfirm', { name: f.fileName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove(f.id)}>
                  <Button size="small" danger type="link" className="screen-only">
                    {t('evidenceFiles.remove')}
                  </Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && files.length < maxFiles && (
        <div className="screen-only" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          {withPurpose && (
            <Select<DialogueFilePurpose>
              aria-label={t('evidenceFiles.purpose')}
              value={purpose}
              onChange={setPurpose}
              style={{ minWidth: 200 }}
              options={DIALOGUE_FILE_PURPOSES.map((p) => ({ value: p, label: t(`evidenceFiles.purposes.${p}`) }))}
              data-testid="evidence-purpose"
            />
          )}
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={percent !== null}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button loading={percent !== null} data-testid="evidence-upload">
              {t('evidenceFiles.upload')}
            </Button>
          </Upload>
          <div style={{ flexBasis: '100%', fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('evidenceFiles.help', { mb: GRASSROOTS_FILE_LIMITS.fileBytes / 1024 / 1024, max: maxFiles })}</div>
          {percent !== null && <Progress percent={percent} size="small" style={{ maxWidth: 320 }} />}
        </div>
      )}
    </section>
  );
}
