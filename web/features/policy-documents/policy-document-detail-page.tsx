/**
 * One policy document: its particulars, the documents it implements, replaces or amends (and
 * those that do so to it), its files. Editors of the issuing unit change it, its links and its
 * files; approvers issue a draft (the leader signs). `can` from the server says who may do what.
 * An issued document that is carried out shows its plans and the roll-up of its tasks (features/tasks),
 * and its reviews (sơ kết / tổng kết, features/reviews).
 */
import { Link, useParams } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Popconfirm from 'antd/es/popconfirm';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { useFormat } from '../../ui/use-format';
import { DocumentReviewsSection } from '../reviews/document-reviews-section';
import { DocumentImplementation } from '../tasks/document-implementation';
import { PolicyDocumentAttachments } from './policy-document-attachments';
import { PolicyDocumentError } from './policy-document-error';
import { PolicyDocumentFormModal } from './policy-document-form-modal';
import { PolicyDocumentLinks } from './policy-document-links';
import { useStatusName } from './policy-document-words';
import { kindName, type PolicyDocumentDetail, useIssuePolicyDocument, usePolicyDocument, usePolicyDocumentKinds } from './policy-documents.api';

export function PolicyDocumentDetailPage() {
  const { documentId } = useParams({ strict: false }) as { documentId: string };
  const document = usePolicyDocument(documentId);
  if (document.isPending) return <PageSpinner />;
  if (document.isError) return <ErrorAlert error={document.error} />;
  return <PolicyDocumentView document={document.data} onReload={() => void document.refetch()} />;
}

function PolicyDocumentView({ document: d, onReload }: { document: PolicyDocumentDetail; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const kinds = usePolicyDocumentKinds();
  const statusName = useStatusName();
  const [editing, setEditing] = useState(false);
  const issue = useIssuePolicyDocument();

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/policy-documents">{t('policyDocuments.backToList')}</Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" data-testid="policy-document-number">
            {kindName(kinds.data?.items, d.kind, i18n.language)} <bdi>{d.number ? d.numberAndSymbol : d.symbol}</bdi>
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 4, marginBottom: 0, overflowWrap: 'anywhere' }} data-testid="policy-document-title">
            <bdi>{d.title}</bdi>
          </Typography.Title>
        </div>
        <Space wrap className="screen-only">
          <PrintButton />
          {d.can.edit && (
            <Button onClick={() => setEditing(true)} data-testid="policy-document-edit">
              {t('policyDocuments.edit')}
            </Button>
          )}
          {d.can.issue && d.status === 'draft' && <IssueButton document={d} issue={issue} />}
        </Space>
      </div>
      <IssueError issue={issue} onReload={onReload} />
      {editing && (
        <PolicyDocumentFormModal
          // Reopened on the reloaded record after a conflict, so the form starts from its new version.
          key={d.version}
          document={d}
          onClose={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: '30%', minWidth: 120 } }}
        data-testid="policy-document-fields"
        items={[
          { key: 'kind', label: t('policyDocuments.fields.kind'), children: kindName(kinds.data?.items, d.kind, i18n.language) },
          {
            key: 'number',
            label: t('policyDocuments.fields.numberAndSymbol'),
            children: d.number ? <bdi>{d.numberAndSymbol}</bdi> : (
              <>
                <bdi>{d.symbol}</bdi> ({t('policyDocuments.noNumber')})
              </>
            ),
          },
          { key: 'issuingBody', label: t('policyDocuments.fields.issuingBody'), children: <bdi>{d.issuingBody}</bdi> },
          {
            key: 'issuingUnit',
            label: t('policyDocuments.fields.issuingUnit'),
            children: (
              <Link to="/units/$unitId" params={{ unitId: d.issuingUnit.id }}>
                {d.issuingUnit.name}
              </Link>
            ),
          },
          { key: 'issuedOn', label: t('policyDocuments.fields.issuedOn'), children: d.issuedOn ? format.date(d.issuedOn) : <EmptyValue /> },
          { key: 'validity', label: t('policyDocuments.fields.validity'), children: <Validity from={d.validFrom} to={d.validTo} /> },
          {
            key: 'status',
            label: t('policyDocuments.fields.status'),
            children: (
              <Tag color={d.status === 'issued' ? 'green' : 'gold'} data-testid="policy-document-status" data-status={d.status}>
                {statusName(d.status)}
              </Tag>
            ),
          },
          {
            key: 'restricted',
            label: t('policyDocuments.fields.restrictedRoles'),
            children: d.restrictedRoles?.length ? d.restrictedRoles.map((r) => t(`roles.${r}`)).join(', ') : t('policyDocuments.notRestricted'),
          },
          { key: 'summary', label: t('policyDocuments.fields.summary'), children: d.summary ? <div dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{d.summary}</div> : <EmptyValue /> },
          { key: 'updatedAt', label: t('policyDocuments.fields.updatedAt'), children: format.dateTime(d.updatedAt) },
        ]}
      />
      <PolicyDocumentLinks document={d} onReload={onReload} />
      <PolicyDocumentAttachments document={d} />
      <DocumentImplementation document={d} implementable={kinds.data?.items.find((k) => k.code === d.kind)?.implementable ?? false} />
      <DocumentReviewsSection document={d} />
    </Card>
  );
}

/** "01/01/2014 – " / " – 31/12/2025" / "Chưa ghi": validTo is the first day no longer in force. */
function Validity({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!from && !to) return <EmptyValue />;
  if (from && to) return <>{t('policyDocuments.validFromTo', { from: format.date(from), to: format.date(to) })}</>;
  if (from) return <>{t('policyDocuments.validFromOnly', { from: format.date(from) })}</>;
  return <>{t('policyDocuments.validToOnly', { to: format.date(to) })}</>;
}

type Issue = ReturnType<typeof useIssuePolicyDocument>;

/** Issues a draft (draft → issued) with the version the page shows. */
function IssueButton({ document, issue }: { document: PolicyDocumentDetail; issue: Issue }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  return (
    <Popconfirm
      title={t('policyDocuments.issueConfirm')}
      description={document.number && document.issuedOn ? undefined : t('policyDocuments.issueNeeds')}
      okText={t('policyDocuments.issue')}
      cancelText={t('common.cancel')}
      onConfirm={() => issue.mutate({ id: document.id, version: document.version }, { onSuccess: () => void message.success(t('policyDocuments.issued')) })}
    >
      <Button type="primary" loading={issue.isPending} data-testid="policy-document-issue">
        {t('policyDocuments.issue')}
      </Button>
    </Popconfirm>
  );
}

/**
 * Why issuing failed. A change made meanwhile gives CONFLICT: the page offers to reload instead of
 * issuing what the approver has not read; a duplicate number links to the document that has it.
 */
function IssueError({ issue, onReload }: { issue: Issue; onReload: () => void }) {
  const { t } = useTranslation();
  if (!issue.error) return null;
  if (!isApiError(issue.error, 'CONFLICT')) return <PolicyDocumentError error={issue.error} />;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('policyDocuments.conflictTitle')}
      description={t('policyDocuments.conflictHelp')}
      action={
        <Button
          onClick={() => {
            issue.reset();
            onReload();
          }}
        >
          {t('common.reload')}
        </Button>
      }
    />
  );
}
