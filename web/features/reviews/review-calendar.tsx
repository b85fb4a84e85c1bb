import Button from 'antd/es/button';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import List from 'antd/es/list';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { type Anniversary, type InPeriod, type ReviewDetail, useCreateEvent, useDeleteEvent } from './reviews.api';
import { useReviewPeriodWithDays } from './use-review-period-label';

type Item = { key: string; date: string; text: string; milestone: Anniversary['milestone']; inPeriod: InPeriod; onRemove?: () => void };

/**
 * Anniversaries (with their ordinal, round ones tagged) and the unit's own events, by date: those
 * of the reviewed period, then those of the next period, which the review's tasks are for, each
 * list headed by its period.
 */
export function ReviewCalendar({ review, canWrite }: { review: ReviewDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const periodWithDays = useReviewPeriodWithDays();
  const remove = useDeleteEvent();
  const draft = review.status === 'draft';
  const label = (a: Anniversary) => {
    const name = a.names[i18n.language] ?? a.names.vi ?? a.code;
    return a.kind === 'edition'
      ? t('reviews.editionLabel', { name, ordinal: a.ordinal })
      : t('reviews.anniversaryLabel', { name, ordinal: a.ordinal, origin: format.date(a.originDate), date: format.date(a.date) });
  };
  const items: Item[] = [
    ...review.anniversaries.map((a) => ({ key: `a-${a.code}-${a.date}`, date: a.date, text: label(a), milestone: a.milestone, inPeriod: a.inPeriod })),
    ...review.events.map((e) => ({
      key: `e-${e.id}`,
      date: e.happenedOn,
      text: e.description ? `${e.title} – ${e.description}` : e.title,
      milestone: null,
      inPeriod: e.inPeriod,
      onRemove: canWrite && draft ? () => remove.mutate(e) : undefined,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const list = (which: InPeriod) => (
    <List<Item>
      data-testid={`review-calendar-${which}`}
      size="small"
      dataSource={items.filter((i) => i.inPeriod === which)}
      locale={{ emptyText: t(which === 'current' ? 'reviews.noEvents' : 'reviews.noEventsNext') }}
      renderItem={(item) => (
        <List.Item
          actions={
            item.onRemove
              ? [
                  <Button key="remove" type="link" danger onClick={item.onRemove}>
                    {t('entries.remove')}
                  </Button>,
                ]
              : undefined
          }
        >
          <Space wrap>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{format.date(item.date)}</span>
            <span>{item.text}</span>
            {item.milestone && <Tag color="gold">{t(item.milestone === 10 ? 'reviews.roundTen' : 'reviews.roundFive')}</Tag>}
          </Space>
        </List.Item>
      )}
    />
  );

  return (
    <div data-testid="review-calendar">
      <ErrorAlert error={remove.error} />
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('reviews.calendarCurrent', { period: periodWithDays(review) })}
      </Typography.Title>
      {list('current')}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('reviews.calendarNext', { period: periodWithDays(review.nextPeriod) })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('reviews.calendarNextHelp')}
      </Typography.Paragraph>
      {list('next')}
      {canWrite && draft && <AddEventForm review={review} />}
    </div>
  );
}

function AddEventForm({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const create = useCreateEvent();
  const [form] = Form.useForm<{ happenedOn: Dayjs; title: string }>();
  // The reviewed period and the next one: a planned event of the next period belongs here too.
  const outside = (d: Dayjs) => d.isBefore(dayjs(review.from), 'day') || d.isAfter(dayjs(review.nextPeriod.to), 'day');
  return (
    <div style={{ marginTop: 12 }}>
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        name="review-event"
        layout="inline"
        onFinish={(v) => create.mutate({ reviewId: review.id, happenedOn: v.happenedOn.format('YYYY-MM-DD'), title: v.title.trim() }, { onSuccess: () => form.resetFields() })}
      >
        <Form.Item name="happenedOn" rules={[{ required: true, message: t('reviews.eventDateRequired') }]}>
          <DateField disabledDate={outside} aria-label={t('reviews.eventDate')} hint={t('reviews.eventDate')} />
        </Form.Item>
        <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('reviews.eventTitleRequired') }, { max: 500 }]} style={{ minWidth: 320 }}>
          <Input maxLength={500} aria-label={t('reviews.eventTitle')} placeholder={t('reviews.eventTitle')} />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending}>
          {t('reviews.addEvent')}
        </Button>
      </Form>
    </div>
  );
}
