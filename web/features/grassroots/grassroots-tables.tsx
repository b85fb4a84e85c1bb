/**
 * The tables of a commune's year: the required items with their state, the publications and the
 * citizens' decisions. A record asked for the public page shows its review state; an approver
 * approves it or sends it back to private.
 */
import { useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Modal from 'antd/es/modal';
import Tag from 'antd/es/tag';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRASSROOTS_FILE_LIMITS } from '../../../common/grassroots-files';
import { grassrootsName, type PublicState } from '../../../common/grassroots';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { EvidenceFiles } from './evidence-files';
import { type CitizenDecision, type GrassrootsCatalogues, type GrassrootsKind, grassrootsKeys, type ItemYearList, type Publication, useReview } from './grassroots.api';

const STATE_COLOR = { published: 'green', overdue: 'orange', never: 'red' } as const;
const PUBLIC_COLOR: Record<PublicState, string> = { private: 'default', pending: 'gold', approved: 'blue' };

export function ItemsTable({ data, catalogues, loading }: { data?: ItemYearList; catalogues?: GrassrootsCatalogues; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <ResponsiveTable
      data-testid="grassroots-items"
      rowKey="itemCode"
      loading={loading}
      pagination={false}
      dataSource={data?.items ?? []}
      columns={[
        { key: 'item', title: t('grassroots.fields.item'), render: (_v, r) => grassrootsName(catalogues?.items.find((i) => i.code === r.itemCode), i18n.language) },
        { key: 'state', title: t('grassroots.fields.state'), render: (_v, r) => <Tag color={STATE_COLOR[r.state]} data-testid={`item-state-${r.itemCode}`}>{t(`grassroots.itemStates.${r.state}`)}</Tag> },
        { key: 'last', title: t('grassroots.fields.lastPublication'), render: (_v, r) => (r.lastPublishedOn ? `${format.date(r.lastPublishedOn)} · ${r.lastDocumentTitle ?? ''}` : <EmptyValue />) },
        { key: 'count', title: t('grassroots.fields.publications'), align: 'end', render: (_v, r) => format.number(r.publications) },
      ]}
    />
  );
}

function ReviewCell({ kind, record, canReview }: { kind: GrassrootsKind; record: { id: string; version: number; publicState: PublicState }; canReview: boolean }) {
  const { t } = useTranslation();
  const review = useReview(kind);
  return (
    <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
      <Tag color={PUBLIC_COLOR[record.publicState]}>{t(`grassroots.publicStates.${record.publicState}`)}</Tag>
      {canReview && record.publicState === 'pending' && (
        <>
          <Button size="small" type="primary" loading={review.isPending} onClick={() => review.mutate({ id: record.id, approve: true, version: record.version })} data-testid={`approve-${record.id}`}>
            {t('grassroots.review.approve')}
          </Button>
          <Button size="small" loading={review.isPending} onClick={() => review.mutate({ id: record.id, approve: false, version: record.version })}>
            {t('grassroots.review.reject')}
          </Button>
        </>
      )}
      {review.error ? <ErrorAlert error={review.error} /> : null}
    </div>
  );
}

type TableProps<T> = { rows: T[]; loading: boolean; catalogues?: GrassrootsCatalogues; canEdit: boolean; canReview: boolean; onEdit: (r: T) => void };

/** A publication's evidence files in a dialog: the row's record is read again after each upload or removal. */
function PublicationFilesModal({ publication, canEdit, onClose }: { publication: Publication; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Modal open title={t('evidenceFiles.titleOf', { name: publication.documentTitle })} onCancel={onClose} footer={null} destroyOnHidden>
      <EvidenceFiles
        files={publication.files}
        canEdit={canEdit}
        uploadUrl={`/api/grassroots/publications/${publication.id}/files`}
        fileUrl="/api/grassroots/publication-files"
        maxFiles={GRASSROOTS_FILE_LIMITS.filesPerPublication}
        onChanged={() => queryClient.invalidateQueries({ queryKey: grassrootsKeys.all })}
      />
    </Modal>
  );
}

export function PublicationsTable({ rows, loading, catalogues, canEdit, canReview, onEdit }: TableProps<Publication>) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [filesOf, setFilesOf] = useState<string | null>(null);
  const formName = (code: string) => grassrootsName(catalogues?.forms.find((f) => f.code === code), i18n.language);
  const withFiles = rows.find((r) => r.id === filesOf);
  return (
    <>
      {withFiles && <PublicationFilesModal publication={withFiles} canEdit={canEdit} onClose={() => setFilesOf(null)} />}
      <ResponsiveTable
        data-testid="grassroots-publications"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={rows}
        cardTitleKey="document"
        columns={[
          { key: 'document', title: t('grassroots.fields.document'), render: (_v, r) => `${r.documentTitle} (${format.date(r.documentDate)})` },
          { key: 'item', title: t('grassroots.fields.item'), render: (_v, r) => grassrootsName(catalogues?.items.find((i) => i.code === r.itemCode), i18n.language) },
          { key: 'forms', title: t('grassroots.fields.forms'), render: (_v, r) => r.forms.map(formName).join('; ') },
          {
            key: 'published',
            title: t('grassroots.fields.publishedOn'),
            render: (_v, r) => (
              <>
                {format.dateRange(r.publishedOn, r.postedUntil)} {r.late && <Tag color="orange">{t('grassroots.late')}</Tag>}
              </>
            ),
          },
          {
            key: 'files',
            title: t('grassroots.fields.files'),
            render: (_v, r) => (
              <Button size="small" onClick={() => setFilesOf(r.id)} data-testid={`files-${r.id}`}>
                {t('evidenceFiles.count', { n: format.number(r.files.length) })}
              </Button>
            ),
          },
          { key: 'public', title: t('grassroots.fields.public'), render: (_v, r) => <ReviewCell kind="publications" record={r} canReview={canReview} /> },
          ...(canEdit ? [{ key: 'edit', title: '', render: (_v: unknown, r: Publication) => <Button size="small" onClick={() => onEdit(r)}>{t('grassroots.edit')}</Button> }] : []),
        ]}
      />
    </>
  );
}

export function DecisionsTable({ rows, loading, catalogues, canEdit, canReview, onEdit }: TableProps<CitizenDecision>) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <ResponsiveTable
      data-testid="grassroots-decisions"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={rows}
      cardTitleKey="subject"
      columns={[
        { key: 'subject', title: t('grassroots.fields.subject'), render: (_v, r) => `${r.subject} — ${r.village}` },
        { key: 'matter', title: t('grassroots.fields.matter'), render: (_v, r) => grassrootsName(catalogues?.matters.find((m) => m.code === r.matterCode), i18n.language) },
        { key: 'method', title: t('grassroots.fields.method'), render: (_v, r) => `${t(`grassroots.methods.${r.method}`)}, ${format.date(r.decidedOn)}` },
        {
          key: 'tally',
          title: t('grassroots.fields.tally'),
          render: (_v, r) =>
            t('grassroots.tally', { takingPart: format.number(r.householdsTakingPart), eligible: format.number(r.eligibleHouseholds), inFavour: format.number(r.inFavour), against: format.number(r.against) }),
        },
        {
          key: 'passed',
          title: t('grassroots.fields.passed'),
          render: (_v, r) => (
            <Tag color={r.passed ? 'green' : 'red'} data-testid={`passed-${r.id}`}>
              {t(r.passed ? 'grassroots.passed' : 'grassroots.notPassed')}
            </Tag>
          ),
        },
        { key: 'approval', title: t('grassroots.fields.approval'), render: (_v, r) => (r.approvedOn ? `${r.approvalNumber ?? ''} ${format.date(r.approvedOn)}` : <EmptyValue />) },
        { key: 'public', title: t('grassroots.fields.public'), render: (_v, r) => <ReviewCell kind="decisions" record={r} canReview={canReview} /> },
        ...(canEdit ? [{ key: 'edit', title: '', render: (_v: unknown, r: CitizenDecision) => <Button size="small" onClick={() => onEdit(r)}>{t('grassroots.edit')}</Button> }] : []),
      ]}
    />
  );
}
