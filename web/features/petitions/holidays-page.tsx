/**
 * The days off of a year, computed from the calendar (Tết and the Hùng Kings' day from the lunar
 * calendar, compensatory days), with the Government's decisions, which a system administrator
 * records here (a day off added, a weekend day worked). Due dates count working days by it.
 */
import Button from 'antd/es/button';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberInput } from '../../ui/number-input';
import { PageHeading } from '../../ui/page-heading';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { type DayOff, useDeleteHoliday, useHolidayYear, useSetHoliday } from './holidays.api';

export function HolidaysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const isAdmin = useCan('system.manage');
  const [year, setYear] = useState(new Date().getFullYear());
  const holidays = useHolidayYear(year);
  const setHoliday = useSetHoliday();
  const deleteHoliday = useDeleteHoliday();
  const [form] = Form.useForm<{ date: Dayjs; kind: 'day_off' | 'working_day'; note: string }>();
  const adjusted = new Set(holidays.data?.adjustments.map((a) => a.date));

  return (
    <>
      <PageHeading title={t('holidays.title')}>
        <NumberInput aria-label={t('holidays.year')} min={2000} max={2100} grouping={false} style={{ width: 120 }} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} />
      </PageHeading>
      <p>{t('holidays.intro')}</p>
      <ErrorAlert error={holidays.error ?? setHoliday.error ?? deleteHoliday.error} />
      {isAdmin && (
        <Form
          form={form}
          layout="inline"
          name="holiday"
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v) => setHoliday.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, note: v.note }, { onSuccess: () => form.resetFields() })}
          initialValues={{ kind: 'day_off' }}
        >
          <Form.Item name="date" rules={[{ required: true, message: t('petitions.public.required') }]}>
            <DateField hint={t('holidays.date')} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'day_off', label: t('holidays.kinds.day_off') },
                { value: 'working_day', label: t('holidays.kinds.working_day') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" rules={[{ required: true, whitespace: true, message: t('petitions.public.required') }]}>
            <Input placeholder={t('holidays.note')} style={{ width: 320 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={setHoliday.isPending}>
            {t('holidays.record')}
          </Button>
        </Form>
      )}
      <Table<DayOff>
        rowKey={(d) => `${d.date}-${d.name}-${d.compensatory}`}
        size="small"
        loading={holidays.isFetching}
        pagination={false}
        dataSource={holidays.data?.daysOff ?? []}
        columns={[
          { key: 'date', title: t('holidays.date'), render: (_, d) => format.date(d.date), width: 140 },
          { key: 'name', title: t('holidays.name'), render: (_, d) => <>{t(`holidays.names.${d.name}`)} {d.compensatory && <Tag>{t('holidays.compensatory')}</Tag>}</> },
        ]}
      />
      {(holidays.data?.adjustments.length ?? 0) > 0 && (
        <Table
          rowKey="date"
          size="small"
          style={{ marginTop: 16 }}
          title={() => t('holidays.decisions')}
          pagination={false}
          dataSource={holidays.data?.adjustments ?? []}
          columns={[
            { key: 'date', title: t('holidays.date'), render: (_, a) => format.date(a.date), width: 140 },
            { key: 'kind', title: t('holidays.kind'), render: (_, a) => t(`holidays.kinds.${a.kind}`), width: 200 },
            { key: 'note', title: t('holidays.note'), dataIndex: 'note' },
            {
              key: 'remove',
              title: '',
              width: 100,
              render: (_, a) =>
                isAdmin && adjusted.has(a.date) ? (
                  <Button size="small" danger loading={deleteHoliday.isPending} onClick={() => deleteHoliday.mutate(a.date)}>
                    {t('reception.remove')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </>
  );
}
