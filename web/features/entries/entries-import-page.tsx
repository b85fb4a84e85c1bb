import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Progress from 'antd/es/progress';
import Result from 'antd/es/result';
import Space from 'antd/es/space';
import Steps from 'antd/es/steps';
import Table from 'antd/es/table';
import Typography from 'antd/es/typography';
import Upload from 'antd/es/upload';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_LIMITS } from '../../../common/entries';
import { ApiError } from '../../app/api-client';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { useErrorMessage } from '../../ui/use-error-message';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { entryKeys, importErrorsOf, type ImportResult, type ImportRowError, saveBlob, TEMPLATE_URL, uploadFile } from './entries.api';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Why the server refused the file (UNSUPPORTED_FILE, FILE_TOO_LARGE: `details.reason` with its
 * `limit` and `part`, server/documents/xlsx-limits.ts), in the user's language; null otherwise.
 */
function useFileProblem(): (error: unknown) => string | null {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return null;
      const d = (error.details ?? {}) as { reason?: unknown; limit?: unknown; part?: unknown };
      if (typeof d.reason !== 'string' || !i18n.exists(`importFileProblems.${d.reason}`)) return null;
      const limit = typeof d.limit === 'number' ? d.limit : 0;
      return t(`importFileProblems.${d.reason}`, { limit: format.number(limit), mb: format.number(Math.round(limit / 1024 / 1024)), part: typeof d.part === 'string' ? d.part : '' });
    },
    [t, i18n, format],
  );
}

export function EntriesImportPage() {
  return useCan('data.write') ? <ImportWizard /> : <ForbiddenResult />;
}

/** Three steps: the template; the filled file (with upload progress); the result or the row errors. */
function ImportWizard() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const errorMessage = useErrorMessage();
  const fileProblem = useFileProblem();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [annotating, setAnnotating] = useState(false);
  const rowErrors = importErrorsOf(error);

  const send = async (chosen: File) => {
    if (chosen.size > IMPORT_LIMITS.fileBytes) {
      void message.error(t('errors.FILE_TOO_LARGE'));
      return;
    }
    setFile(chosen);
    setResult(null);
    setError(null);
    setPercent(0);
    try {
      const imported = await uploadFile<ImportResult>('/api/entries/import', chosen, { onProgress: setPercent, fields: { lang: i18n.language } });
      setResult(imported);
      await queryClient.invalidateQueries({ queryKey: entryKeys.all });
    } catch (e) {
      setError(e);
    } finally {
      setPercent(null);
      setStep(2);
    }
  };

  const annotate = async () => {
    if (!file) return;
    setAnnotating(true);
    try {
      const blob = await uploadFile<Blob>('/api/entries/import/annotate', file, { asBlob: true, fields: { lang: i18n.language } });
      saveBlob(blob, file.name.replace(/(\.xlsx)?$/i, '-errors.xlsx'));
    } catch (e) {
      void message.error([errorMessage(e), fileProblem(e)].filter(Boolean).join(' '));
    } finally {
      setAnnotating(false);
    }
  };

  /** The row error in the user's language: the catalog's text for its code, else the server's. */
  const errorText = (e: ImportRowError) => (i18n.exists(`importErrors.${e.code}`) ? t(`importErrors.${e.code}`, { ...shownParams(e), defaultValue: e.message }) : e.message);
  /** The two readings of an ambiguous number as the language writes them (docs/numbers.md). */
  const shownParams = (e: ImportRowError) =>
    e.code === 'AMBIGUOUS_NUMBER' ? Object.fromEntries(Object.entries(e.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? format.number(v) : v])) : e.params;

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('entries.importTitle')}
      </Typography.Title>
      <Steps
        current={step}
        onChange={(next) => percent === null && next < 2 && setStep(next)}
        style={{ marginBottom: 24 }}
        items={[{ title: t('entries.importStepTemplate') }, { title: t('entries.importStepUpload') }, { title: t('entries.importStepResult') }]}
      />
      {step === 0 && (
        <Space orientation="vertical">
          <Typography.Paragraph>{t('entries.importTemplateHelp')}</Typography.Paragraph>
          <Space>
            <Button href={TEMPLATE_URL} data-testid="import-template">
              {t('entries.importDownloadTemplate')}
            </Button>
            <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
              {t('entries.next')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 1 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('entries.importUploadHelp')}</Typography.Paragraph>
          <Upload.Dragger
            accept={XLSX}
            multiple={false}
            showUploadList={false}
            disabled={percent !== null}
            data-testid="import-upload"
            beforeUpload={(chosen) => {
              void send(chosen);
              return false;
            }}
          >
            <p>{t('entries.importDrop')}</p>
          </Upload.Dragger>
          {percent !== null && <Progress percent={percent} status="active" data-testid="import-progress" />}
        </Space>
      )}
      {step === 2 && (
        <div data-testid="import-result">
          {result && (
            <Result
              status="success"
              title={t('entries.importDone', { count: result.rows })}
              subTitle={
                <span data-testid="import-counts">
                  {t('entries.importCounts', { created: format.number(result.created), updated: format.number(result.updated), unchanged: format.number(result.unchanged) })}
                </span>
              }
              extra={<ButtonLink to="/entries">{t('entries.backToList')}</ButtonLink>}
            />
          )}
          {error !== null && (
            <>
              <ErrorAlert error={error} />
              {fileProblem(error) && (
                <Typography.Paragraph type="danger" data-testid="import-file-problem">
                  {fileProblem(error)}
                </Typography.Paragraph>
              )}
              {rowErrors.length > 0 && (
                <>
                  <Button onClick={() => void annotate()} loading={annotating} style={{ marginBottom: 12 }} data-testid="import-annotate">
                    {t('entries.importAnnotated')}
                  </Button>
                  <Table<ImportRowError & { key: number }>
                    data-testid="import-errors"
                    size="small"
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    dataSource={rowErrors.map((e, key) => ({ ...e, key }))}
                    columns={[
                      { key: 'row', title: t('entries.importRow'), render: (_, e) => e.row, width: 80 },
                      { key: 'column', title: t('entries.importColumn'), render: (_, e) => [e.column, e.cell && `(${e.cell})`].filter(Boolean).join(' '), width: 220 },
                      { key: 'message', title: t('entries.importMessage'), render: (_, e) => errorText(e) },
                    ]}
                  />
                </>
              )}
            </>
          )}
          <Button onClick={() => setStep(1)} style={{ marginTop: 12 }} data-testid="import-again">
            {t('entries.importAgain')}
          </Button>
        </div>
      )}
    </Card>
  );
}
