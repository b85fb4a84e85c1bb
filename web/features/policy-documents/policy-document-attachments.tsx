import AntdApp from 'antd/es/app';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Popconfirm from 'antd/es/popconfirm';
import Progress from 'antd/es/progress';
import Typography from 'antd/es/typography';
import Upload from 'antd/es/upload';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_DOCUMENT_ATTACHMENT_TYPES, POLICY_DOCUMENT_LIMITS } from '../../../common/policy-documents';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { attachmentUrl, type PolicyDocumentDetail, policyDocumentKeys, uploadPolicyDocumentAttachment, useRemovePolicyDocumentAttachment } from './policy-documents.api';

const ACCEPT = [...Object.keys(POLICY_DOCUMENT_ATTACHMENT_TYPES), ...Object.values(POLICY_DOCUMENT_ATTACHMENT_TYPES).flat().map((ext) => `.${ext}`)].join(',');

/**
 * The document's files (PDF, DOCX): download, and for its editors upload with progress and remove
 * (a removed file is hidden, as evidence is). The upload says that classified documents (Mật,
 * Tối mật) must not be put here: the server checks the file's type, not its classification.
 */
export function PolicyDocumentAttachments({ document }: { document: PolicyDocumentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const remove = useRemovePolicyDocumentAttachment();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canEdit = document.can.edit;

  const upload = async (file: File) => {
    setError(null);
    if (file.size > POLICY_DOCUMENT_LIMITS.attachmentBytes) {
      void message.error(t('errors.FILE_TOO_LARGE'));
      return;
    }
    setPercent(0);
    try {
      await uploadPolicyDocumentAttachment(document.id, file, setPercent);
      await queryClient.invalidateQueries({ queryKey: policyDocumentKeys.detail(document.id) });
      void message.success(t('policyDocuments.attachments.uploaded', { name: file.name }));
    } catch (e) {
      setError(e);
    } finally {
      setPercent(null);
    }
  };

  return (
    <section data-testid="policy-document-attachments">
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        {t('policyDocuments.attachments.title')}
      </Typography.Title>
      <ErrorAlert error={error ?? remove.error} />
      {document.attachments.length === 0 && <Typography.Paragraph type="secondary">{t('policyDocuments.attachments.none')}</Typography.Paragraph>}
      {document.attachments.length > 0 && (
        <ul style={{ paddingInlineStart: 20 }}>
          {document.attachments.map((a) => (
            <li key={a.id} data-testid="attachment">
              <a href={attachmentUrl(a.id)} target="_blank" rel="noreferrer" download={a.fileName}>
                <bdi>{a.fileName}</bdi>
              </a>{' '}
              ({t('policyDocuments.attachments.size', { kb: format.number(Math.max(1, Math.ceil(a.sizeBytes / 1024))), at: format.dateTime(a.uploadedAt) })})
              {canEdit && (
                <Popconfirm
                  title={t('policyDocuments.attachments.removeConfirm', { name: a.fileName })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutate(a.id)}
                >
                  <Button size="small" danger type="link" className="screen-only">
                    {t('policyDocuments.attachments.remove')}
                  </Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && document.attachments.length < POLICY_DOCUMENT_LIMITS.attachmentsPerDocument && (
        <div className="screen-only" style={{ marginTop: 12 }}>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('policyDocuments.classifiedWarning')} data-testid="classified-warning" />
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={percent !== null}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button loading={percent !== null} data-testid="attachment-upload">
              {t('policyDocuments.attachments.upload')}
            </Button>
          </Upload>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginTop: 4 }}>{t('policyDocuments.attachments.help', { mb: POLICY_DOCUMENT_LIMITS.attachmentBytes / 1024 / 1024 })}</div>
          {percent !== null && <Progress percent={percent} size="small" style={{ maxWidth: 320 }} />}
        </div>
      )}
    </section>
  );
}
