import { Link } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_DOCUMENT_LINK_KINDS, POLICY_DOCUMENT_LIMITS, type PolicyDocumentLink, type PolicyDocumentLinkKind } from '../../../common/policy-documents';
import { isApiError } from '../../app/api-client';
import { useFormat } from '../../ui/use-format';
import { PolicyDocumentError } from './policy-document-error';
import { PolicyDocumentPicker } from './policy-document-picker';
import { useLinkName, useStatusName } from './policy-document-words';
import { type PolicyDocumentDetail, useSavePolicyDocumentLinks } from './policy-documents.api';

const DIRECTIONS = ['outgoing', 'incoming'] as const;

/**
 * The documents this one implements, replaces or amends, and those that implement, replace or
 * amend it: both ways, each a link to the other document. Editors change the outgoing ones.
 */
export function PolicyDocumentLinks({ document, onReload }: { document: PolicyDocumentDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkName = useLinkName();
  const statusName = useStatusName();
  const [editing, setEditing] = useState(false);
  const groups = DIRECTIONS.flatMap((direction) =>
    POLICY_DOCUMENT_LINK_KINDS.map((kind) => ({ kind, direction, links: document.links.filter((l) => l.kind === kind && l.direction === direction) })),
  ).filter((g) => g.links.length > 0);

  return (
    <section data-testid="policy-document-links">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginTop: 24, marginBottom: 12 }}>
        <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
          {t('policyDocuments.links.title')}
        </Typography.Title>
        {document.can.edit && (
          <Button className="screen-only" onClick={() => setEditing(true)} data-testid="edit-links">
            {t('policyDocuments.links.edit')}
          </Button>
        )}
      </div>
      {groups.length === 0 && <Typography.Paragraph type="secondary">{t('policyDocuments.links.none')}</Typography.Paragraph>}
      {groups.map((g) => (
        <div key={`${g.direction}-${g.kind}`} style={{ marginBottom: 12 }} data-testid={`links-${g.direction}-${g.kind}`}>
          <Typography.Text strong>{linkName(g.kind, g.direction)}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {g.links.map((l) => (
              <li key={l.document.id}>
                <Link to="/policy-documents/$documentId" params={{ documentId: l.document.id }}>
                  <bdi>{l.document.numberAndSymbol}</bdi>
                </Link>
                {l.document.issuedOn && <> ({format.date(l.document.issuedOn)})</>} — <bdi>{l.document.title}</bdi>
                {l.document.status === 'draft' && (
                  <Tag color="gold" style={{ marginInlineStart: 8 }}>
                    {statusName('draft')}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {editing && (
        <LinksModal
          // Reopened on the reloaded record after a conflict, so the form starts from its new version.
          key={document.version}
          document={document}
          onClose={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
        />
      )}
    </section>
  );
}

type Values = Record<PolicyDocumentLinkKind, string[]>;

function outgoing(links: readonly PolicyDocumentLink[], kind: PolicyDocumentLinkKind): PolicyDocumentLink[] {
  return links.filter((l) => l.direction === 'outgoing' && l.kind === kind);
}

/** All outgoing links at once (PUT replaces them), saved with the version the form was opened on. */
function LinksModal({ document, onClose, onReload }: { document: PolicyDocumentDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const linkName = useLinkName();
  const save = useSavePolicyDocumentLinks();
  const [conflict, setConflict] = useState(false);
  const initial = Object.fromEntries(POLICY_DOCUMENT_LINK_KINDS.map((k) => [k, outgoing(document.links, k).map((l) => l.document.id)])) as Values;

  const submit = (v: Values) =>
    save.mutate(
      { id: document.id, version: document.version, implements: v.implements ?? [], replaces: v.replaces ?? [], amends: v.amends ?? [] },
      { onSuccess: onClose, onError: (error) => setConflict(isApiError(error, 'CONFLICT')) },
    );

  return (
    <Modal
      open
      title={t('policyDocuments.links.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'policy-document-links', loading: save.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('policyDocuments.conflictTitle')}
          description={t('policyDocuments.conflictHelp')}
          action={<Button onClick={onReload}>{t('common.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <PolicyDocumentError error={save.error} />
      )}
      <Typography.Paragraph type="secondary">{t('policyDocuments.links.help')}</Typography.Paragraph>
      <Form<Values> id="policy-document-links" name="policy-document-links" layout="vertical" onFinish={submit} initialValues={initial}>
        {POLICY_DOCUMENT_LINK_KINDS.map((kind) => (
          <Form.Item key={kind} label={linkName(kind, 'outgoing')} name={kind} rules={[{ type: 'array', max: POLICY_DOCUMENT_LIMITS.linksPerKind }]}>
            <PolicyDocumentPicker initial={outgoing(document.links, kind).map((l) => l.document)} excludeId={document.id} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
