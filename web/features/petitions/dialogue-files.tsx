/** A dialogue conference's evidence files (notice, results, minutes), on its page's card. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { type DialogueFileList, GRASSROOTS_FILE_LIMITS } from '../../../common/grassroots-files';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { EvidenceFiles } from '../grassroots/evidence-files';

const filesKey = (sessionId: string) => ['reception', 'files', sessionId] as const;

export function DialogueFiles({ sessionId, canWrite }: { sessionId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const files = useQuery({ queryKey: filesKey(sessionId), queryFn: () => api.get<DialogueFileList>(`/api/reception-sessions/${sessionId}/files`) });
  return (
    <div data-testid="dialogue-files" style={{ marginTop: 12 }}>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('evidenceFiles.title')}
      </Typography.Title>
      <ErrorAlert error={files.error} />
      <EvidenceFiles
        files={files.data?.items ?? []}
        canEdit={canWrite}
        uploadUrl={`/api/reception-sessions/${sessionId}/files`}
        fileUrl="/api/dialogue-files"
        maxFiles={GRASSROOTS_FILE_LIMITS.filesPerSession}
        withPurpose
        onChanged={() => queryClient.invalidateQueries({ queryKey: filesKey(sessionId) })}
      />
    </div>
  );
}
