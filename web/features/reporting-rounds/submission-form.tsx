import AntdApp from 'antd/es/app';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Descriptions from 'antd/es/descriptions';
import Input from 'antd/es/input';
import Popconfirm from 'antd/es/popconfirm';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORTING_LIMITS } from '../../../common/reporting-rounds';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PrintButton } from '../../ui/print-button';
import { useFormat } from '../../ui/use-format';
import { ReviewFigures } from '../reviews/review-figures';
import { SituationPart } from '../situation-reports/situation-part';
import { ConflictAlert } from './conflict-alert';
import { ReturnDialog } from './participant-actions';
import { sectionTitle, type Submission, submissionReport, useSaveSubmission, useSubmissionStep } from './reporting-rounds.api';
import { isolated, STATE_COLORS, useSubmissionStatusName } from './round-words';
import { changesOf, type Texts, textsOf } from './submission-texts';

/**
 * The report itself: the figures (read-only; "Cập nhật số liệu" takes them again), the summary the
 * opening unit reads in its list, and the template's text sections. Every save, refresh and the
 * submit carry the version the form was opened on (or last saved): when someone else saved
 * meanwhile the server answers CONFLICT, nothing is overwritten, and the form offers to reload.
 */
export function SubmissionForm({ submission: s, onReload }: { submission: Submission; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const statusName = useSubmissionStatusName();
  const save = useSaveSubmission();
  const step = useSubmissionStep();
  const [texts, setTexts] = useState<Texts>(() => textsOf(s));
  const [saved, setSaved] = useState<Texts>(() => textsOf(s));
  // The version this form stands on: a refetch meanwhile must not make a stale edit look current.
  const [openedOn, setOpenedOn] = useState(s.version);
  const [error, setError] = useState<unknown>(null);
  const [returning, setReturning] = useState(false);
  const conflict = isApiError(error, 'CONFLICT');
  const busy = save.isPending || step.isPending;
  const changes = changesOf(texts, saved);
  const dirty = Object.keys(changes).length > 0;
  const report = submissionReport(s);

  /** Saves what changed; resolves to the version to act on next. */
  const saveChanges = async (): Promise<number> => {
    if (!dirty) return openedOn;
    const next = await save.mutateAsync({ id: s.id, version: openedOn, ...changes });
    setSaved(texts);
    setOpenedOn(next.version);
    return next.version;
  };

  const run = (action: () => Promise<unknown>, done?: string) => {
    setError(null);
    action().then(
      () => done && void message.success(done),
      (e: unknown) => setError(e),
    );
  };

  const onSave = () => run(saveChanges, t('reportingRounds.submission.saved'));
  const onRefresh = () =>
    run(async () => {
      const version = await saveChanges();
      const next = await step.mutateAsync({ id: s.id, version, step: 'refresh' });
      setOpenedOn(next.version);
    }, t('reportingRounds.submission.refreshed'));
  const onSubmit = () =>
    run(async () => {
      const version = await saveChanges();
      await step.mutateAsync({ id: s.id, version, step: 'submit' });
    }, t('reportingRounds.submission.submitted'));
  const onAccept = () => run(() => step.mutateAsync({ id: s.id, version: s.version, step: 'accept' }), t('reportingRounds.submission.accepted'));

  const setSection = (key: string, value: string) => setTexts((v) => ({ ...v, sections: { ...v.sections, [key]: value } }));

  return (
    <div data-testid="submission" data-status={s.status} data-version={openedOn}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">
            <bdi>{s.round.title}</bdi>
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 4, marginBottom: 4, overflowWrap: 'anywhere' }} data-testid="submission-unit">
            <bdi>{s.unit.name}</bdi>
          </Typography.Title>
          <Tag color={STATE_COLORS[s.status]} data-testid="submission-status" data-status={s.status}>
            {statusName(s.status)}
          </Tag>
          {s.late && <Tag color="red">{t('reportingRounds.participants.lateTag')}</Tag>}
        </div>
        <Space wrap className="screen-only">
          <PrintButton />
          {s.can.review && s.status === 'submitted' && (
            <>
              <Popconfirm title={t('reportingRounds.actions.acceptConfirm', { unit: isolated(s.unit.name) })} okText={t('reportingRounds.actions.accept')} cancelText={t('common.cancel')} onConfirm={onAccept}>
                <Button type="primary" loading={step.isPending} data-testid="submission-accept">
                  {t('reportingRounds.actions.accept')}
                </Button>
              </Popconfirm>
              {s.round.status === 'open' && (
                <Button danger onClick={() => setReturning(true)} data-testid="submission-return">
                  {t('reportingRounds.actions.return')}
                </Button>
              )}
            </>
          )}
        </Space>
      </div>
      {returning && <ReturnDialog submissionId={s.id} version={s.version} unitName={s.unit.name} onClose={() => setReturning(false)} />}
      {s.status === 'returned' && s.returnReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('reportingRounds.submission.returned')} description={<div dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{s.returnReason}</div>} data-testid="return-reason" />
      )}
      {conflict ? <ConflictAlert title={t('reportingRounds.submission.conflict')} onReload={onReload} /> : <ErrorAlert error={error} />}
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'openingUnit', label: t('reportingRounds.fields.openingUnit'), children: <bdi>{s.round.openingUnit.name}</bdi> },
          { key: 'period', label: t('reportingRounds.fields.period'), children: format.dateRange(s.round.periodFrom, s.round.periodTo) },
          { key: 'dueOn', label: t('reportingRounds.fields.dueOn'), children: format.date(s.dueOn) },
          { key: 'submittedOn', label: t('reportingRounds.participants.submittedOn'), children: s.submittedOn ? format.date(s.submittedOn) : t('reportingRounds.submission.notSubmitted') },
        ]}
      />
      <section style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ fontSize: 17 }}>
          {t('reportingRounds.submission.narrative')}
        </Typography.Title>
        <TextPart editable={s.can.edit} value={texts.narrative} onChange={(narrative) => setTexts((v) => ({ ...v, narrative }))} maxLength={REPORTING_LIMITS.narrative} label={t('reportingRounds.submission.narrative')} help={t('reportingRounds.submission.narrativeHelp')} testId="submission-narrative" />
      </section>
      {s.template.sections.map((section) => (
        <section key={section.key} style={{ marginBottom: 16 }} data-testid={`section-${section.key}`}>
          <Typography.Title level={2} style={{ fontSize: 17 }}>
            <bdi>{sectionTitle(section.title, i18n.language)}</bdi>
          </Typography.Title>
          {section.kind === 'situation' ? (
            <SituationPart reportId={s.situationReportId} submissionStatus={s.status} />
          ) : section.kind === 'figures' ? (
            <>
              <div className="screen-only" style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginBottom: 8 }}>
                <Typography.Text type="secondary" data-testid="figures-at">
                  {t('reportingRounds.submission.figuresAt', { at: format.dateTime(s.figuresAt) })}
                </Typography.Text>
                {s.can.edit && (
                  <Button size="small" onClick={onRefresh} loading={step.isPending} disabled={busy || conflict} data-testid="submission-refresh">
                    {t('reportingRounds.submission.refresh')}
                  </Button>
                )}
              </div>
              <ReviewFigures report={report} />
            </>
          ) : (
            <TextPart
              editable={s.can.edit}
              value={texts.sections[section.key] ?? ''}
              onChange={(value) => setSection(section.key, value)}
              maxLength={REPORTING_LIMITS.sectionText}
              label={sectionTitle(section.title, i18n.language)}
              testId={`submission-text-${section.key}`}
            />
          )}
        </section>
      ))}
      {s.can.edit && (
        <Space wrap className="screen-only">
          <Button onClick={onSave} loading={save.isPending} disabled={busy || conflict || !dirty} data-testid="submission-save">
            {t('reportingRounds.submission.save')}
          </Button>
          {s.can.submit && (
            <Popconfirm title={t('reportingRounds.submission.submitConfirm')} okText={t('reportingRounds.submission.submit')} cancelText={t('common.cancel')} onConfirm={onSubmit}>
              <Button type="primary" loading={step.isPending} disabled={busy || conflict} data-testid="submission-submit">
                {t('reportingRounds.submission.submit')}
              </Button>
            </Popconfirm>
          )}
          {dirty && <Typography.Text type="warning">{t('reportingRounds.submission.unsaved')}</Typography.Text>}
        </Space>
      )}
    </div>
  );
}

type TextPartProps = { editable: boolean; value: string; onChange: (value: string) => void; maxLength: number; label: string; help?: string; testId: string };

/** One written part: a text box while the unit may edit, the text as sent otherwise. */
function TextPart({ editable, value, onChange, maxLength, label, help, testId }: TextPartProps) {
  const { t } = useTranslation();
  if (!editable) {
    return (
      <Typography.Paragraph dir="auto" style={{ whiteSpace: 'pre-wrap' }} type={value ? undefined : 'secondary'} data-testid={testId}>
        {value || t('reportingRounds.submission.empty')}
      </Typography.Paragraph>
    );
  }
  return (
    <>
      {help && <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
      <Input.TextArea aria-label={label} dir="auto" value={value} onChange={(e) => onChange(e.target.value)} autoSize={{ minRows: 4, maxRows: 20 }} maxLength={maxLength} data-testid={testId} />
    </>
  );
}
