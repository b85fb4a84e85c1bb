/**
 * The unit's "Cơ quan ban hành văn bản" tab: the heading its Party documents (reports, reviews)
 * carry today — the unit's own data or the default of its level and era — and the periods an
 * administrator set, which the administrator edits here. A document takes the period covering its
 * own date, so a 2024 report printed in 2026 still says "BAN DÂN VẬN" (docs/documents.md).
 */
import Button from 'antd/es/button';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badPeriod, ISSUING_BODY_LIMITS, ISSUING_SYMBOL_PATTERN, type IssuingBodyPeriod } from '../../../common/issuing-bodies';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { hasPermissionOn } from '../auth/use-can';
import { useIssuingBodies, useSaveIssuingBodies } from './issuing-bodies.api';
import type { UnitDetail } from './units.api';

type Row = Omit<IssuingBodyPeriod, 'validFrom' | 'validTo'> & { validFrom: Dayjs | null; validTo: Dayjs | null };

const toRow = (p: IssuingBodyPeriod): Row => ({ ...p, validFrom: p.validFrom ? dayjs(p.validFrom) : null, validTo: p.validTo ? dayjs(p.validTo) : null });
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const EMPTY: Row = { validFrom: null, validTo: null, superior: '', name: '', symbol: '', signerAuthority: '', signerPosition: '' };

export function IssuingBodiesSection({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { unit } = detail;
  const canWrite = hasPermissionOn(me, 'units.write', unit.id, detail.ancestors.map((a) => a.id));
  const bodies = useIssuingBodies(unit.id);
  const [editing, setEditing] = useState(false);
  if (!bodies.data) return <ErrorAlert error={bodies.error} />;
  const { at, items } = bodies.data;
  return (
    <div data-testid="issuing-bodies">
      <Typography.Paragraph type="secondary">{t('units.issuingBodies.help')}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={1}
        title={
          <Space wrap>
            {t('units.issuingBodies.today')}
            <Tag color={at.source === 'unit' ? 'blue' : 'default'}>{t(at.source === 'unit' ? 'units.issuingBodies.sourceUnit' : 'units.issuingBodies.sourceDefault')}</Tag>
          </Space>
        }
        items={[
          { key: 'superior', label: t('units.issuingBodies.superior'), children: at.body.superior || '—' },
          { key: 'name', label: t('units.issuingBodies.name'), children: at.body.name || '—' },
          { key: 'symbol', label: t('units.issuingBodies.symbol'), children: `Số …-BC${at.body.symbol ? `/${at.body.symbol}` : ''}` },
          { key: 'signer', label: t('units.issuingBodies.signerPosition'), children: [at.body.signerAuthority, at.body.signerPosition].filter(Boolean).join(' / ') || '—' },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t('units.issuingBodies.periods')}
      </Typography.Title>
      {editing ? (
        <PeriodsForm unitId={unit.id} items={items} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Table<IssuingBodyPeriod>
            size="small"
            rowKey={(p) => `${p.validFrom ?? ''}`}
            dataSource={items}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: t('units.issuingBodies.none') }}
            columns={[
              { key: 'from', title: t('units.issuingBodies.validFrom'), render: (_, p) => (p.validFrom ? format.date(p.validFrom) : t('units.issuingBodies.sinceAlways')) },
              { key: 'to', title: t('units.issuingBodies.validTo'), render: (_, p) => (p.validTo ? format.date(p.validTo) : t('units.issuingBodies.stillInForce')) },
              { key: 'body', title: t('units.issuingBodies.name'), render: (_, p) => [p.superior, p.name].filter(Boolean).join(' — ') },
              { key: 'symbol', title: t('units.issuingBodies.symbol'), dataIndex: 'symbol' },
              { key: 'signer', title: t('units.issuingBodies.signerPosition'), render: (_, p) => [p.signerAuthority, p.signerPosition].filter(Boolean).join(' / ') },
            ]}
          />
          {canWrite && (
            <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)} data-testid="edit-issuing-bodies">
              {t('units.issuingBodies.edit')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

/** The whole list, edited at once and saved at once (PUT replaces it); the checks are the server's too. */
function PeriodsForm({ unitId, items, onDone }: { unitId: string; items: IssuingBodyPeriod[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ items: Row[] }>();
  const save = useSaveIssuingBodies(unitId);
  const required = { required: true, whitespace: true, message: t('units.issuingBodies.required') };
  const submit = (values: { items?: Row[] }) => {
    const list = (values.items ?? []).map((r) => ({ ...r, validFrom: iso(r.validFrom), validTo: iso(r.validTo) }));
    const bad = badPeriod(list);
    if (bad) {
      form.setFields([{ name: ['items', bad.index, bad.reason === 'overlaps' ? 'validFrom' : 'validTo'], errors: [t(bad.reason === 'overlaps' ? 'units.issuingBodies.overlaps' : 'units.issuingBodies.endsBeforeStart')] }]);
      return;
    }
    save.mutate({ items: list }, { onSuccess: onDone });
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ items: items.map(toRow) }} onFinish={submit} data-testid="issuing-bodies-form">
      <ErrorAlert error={save.error} />
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <fieldset key={field.key} style={{ border: '1px solid rgba(0,0,0,0.12)', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}>
                <legend style={{ fontSize: 14, padding: '0 4px', width: 'auto', border: 0, margin: 0 }}>{t('units.issuingBodies.period', { n: i + 1 })}</legend>
                <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                  <Form.Item name={[field.name, 'validFrom']} label={t('units.issuingBodies.validFrom')} extra={t('units.issuingBodies.validFromHelp')} style={{ flex: '1 1 180px' }}>
                    <DateField style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'validTo']} label={t('units.issuingBodies.validTo')} extra={t('units.issuingBodies.validToHelp')} style={{ flex: '1 1 180px' }}>
                    <DateField style={{ width: '100%' }} />
                  </Form.Item>
                </div>
                <Form.Item name={[field.name, 'superior']} label={t('units.issuingBodies.superior')}>
                  <Input maxLength={ISSUING_BODY_LIMITS.superior} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} label={t('units.issuingBodies.name')} rules={[required]}>
                  <Input maxLength={ISSUING_BODY_LIMITS.name} />
                </Form.Item>
                <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                  <Form.Item
                    name={[field.name, 'symbol']}
                    label={t('units.issuingBodies.symbol')}
                    rules={[required, { pattern: ISSUING_SYMBOL_PATTERN, message: t('units.issuingBodies.symbolInvalid') }]}
                    style={{ flex: '1 1 160px' }}
                  >
                    <Input maxLength={ISSUING_BODY_LIMITS.symbol} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'signerAuthority']} label={t('units.issuingBodies.signerAuthority')} style={{ flex: '1 1 160px' }}>
                    <Input maxLength={ISSUING_BODY_LIMITS.signer} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'signerPosition']} label={t('units.issuingBodies.signerPosition')} rules={[required]} style={{ flex: '1 1 160px' }}>
                    <Input maxLength={ISSUING_BODY_LIMITS.signer} />
                  </Form.Item>
                </div>
                <Button danger size="small" onClick={() => remove(field.name)}>
                  {t('units.issuingBodies.remove')}
                </Button>
              </fieldset>
            ))}
            {fields.length < ISSUING_BODY_LIMITS.periods && (
              <div style={{ marginBottom: 16 }}>
                <Button onClick={() => add({ ...EMPTY })} data-testid="add-issuing-body">
                  {t('units.issuingBodies.add')}
                </Button>
              </div>
            )}
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-issuing-bodies">
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
