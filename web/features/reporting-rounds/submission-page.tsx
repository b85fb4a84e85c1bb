/**
 * A participant's report in a round (báo cáo của đơn vị): started as a draft holding the figures
 * of the unit's subtree over the round's period, written section by section, saved, then sent.
 * The opening unit reads it here too, and accepts or returns it.
 */
import { Link, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Result from 'antd/es/result';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useParticipants, useRound, useStartSubmission, useSubmission } from './reporting-rounds.api';
import { SubmissionForm } from './submission-form';
import { isolated } from './round-words';

/** The draft a second start collided with (ALREADY_EXISTS, details.submissionId): it is opened instead. */
function existingSubmissionId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'ALREADY_EXISTS') return null;
  const id = (error.details as { submissionId?: unknown } | null)?.submissionId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

export function SubmissionPage() {
  const { t } = useTranslation();
  const { roundId, unitId } = useParams({ strict: false }) as { roundId: string; unitId: string };
  const round = useRound(roundId, unitId);
  const [startedId, setStartedId] = useState<string | null>(null);
  const submissionId = startedId ?? round.data?.own?.submissionId ?? null;
  const submission = useSubmission(submissionId);
  // A reload after a CONFLICT starts the form again from the version just fetched.
  const [generation, setGeneration] = useState(0);

  if (round.isPending) return <PageSpinner />;
  if (round.isError) return <ErrorAlert error={round.error} />;
  const back = (
    <Typography.Paragraph className="screen-only">
      <Link to="/reporting-rounds/$roundId" params={{ roundId }} search={{ unitId }}>
        {t('reportingRounds.submission.backToRound')}
      </Link>
    </Typography.Paragraph>
  );
  if (!round.data.own) {
    return (
      <Card>
        {back}
        <Result status="info" title={t('reportingRounds.submission.notParticipant')} />
      </Card>
    );
  }
  if (!submissionId) {
    return (
      <Card>
        {back}
        <StartSubmission roundId={roundId} unitId={unitId} roundTitle={round.data.title} roundOpen={round.data.status === 'open'} onStarted={setStartedId} />
      </Card>
    );
  }
  if (submission.isPending) return <PageSpinner />;
  if (submission.isError) return <ErrorAlert error={submission.error} />;
  return (
    <Card>
      {back}
      <SubmissionForm
        // A new status (sent, returned, accepted) or a reload starts the form from the server's text.
        key={`${submission.data.id}-${submission.data.status}-${generation}`}
        submission={submission.data}
        onReload={() => void submission.refetch().then(() => setGeneration((g) => g + 1))}
      />
    </Card>
  );
}

/**
 * Nothing written yet: the unit's editors start the draft (its figures are taken then); anyone else
 * reads that the unit has not started. Starting is a write, so it waits for the click.
 */
function StartSubmission({ roundId, unitId, roundTitle, roundOpen, onStarted }: { roundId: string; unitId: string; roundTitle: string; roundOpen: boolean; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const participants = useParticipants(roundId, { unitId, limit: 100, offset: 0 });
  const start = useStartSubmission();
  const self = participants.data?.items.find((p) => p.unit.id === unitId);
  if (participants.isPending) return <PageSpinner />;
  const canStart = roundOpen && !!self?.can.submit;
  return (
    <Result
      status="info"
      title={<bdi>{roundTitle}</bdi>}
      subTitle={self ? t('reportingRounds.submission.notStarted', { unit: isolated(self.unit.name) }) : undefined}
      extra={
        <>
          <ErrorAlert error={existingSubmissionId(start.error) ? null : start.error} />
          {canStart && (
            <Button
              type="primary"
              loading={start.isPending}
              data-testid="submission-start"
              onClick={() =>
                start.mutate(
                  { roundId, unitId },
                  {
                    onSuccess: (s) => onStarted(s.id),
                    onError: (error) => {
                      const existing = existingSubmissionId(error);
                      if (existing) onStarted(existing);
                    },
                  },
                )
              }
            >
              {t('reportingRounds.submission.start')}
            </Button>
          )}
        </>
      }
    />
  );
}
