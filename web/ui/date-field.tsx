/**
 * The app's date pickers: antd's DatePicker / RangePicker in the language's own pattern
 * (dd/mm/yyyy in Vietnamese), with that pattern as the placeholder instead of antd's "Chọn thời
 * điểm", typing accepted (05/12/2026, 5/12/2026 or 05122026), and Enter that commits the typed date
 * without submitting the form around it (a form submits on Enter in any of its inputs; the
 * registration form was sent half-filled that way). Every date input of the app is one of these.
 */
import DatePicker, { type DatePickerProps, type RangePickerProps } from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../common/access';
import { dateInputFormats } from './date-input';

/** `hint`: what the date is, for an input without a label of its own ("Ngày sự kiện (dd/mm/yyyy)"). */
type Hint = { hint?: string };

function useDateInput(hint: string | undefined) {
  const { t, i18n } = useTranslation();
  const locale: Locale = (LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'vi';
  const pattern = t('dates.placeholder');
  return { format: dateInputFormats(locale), placeholder: hint ? t('dates.placeholderWithHint', { hint, pattern }) : pattern };
}

/** Enter in a date input only commits the date: the picker handles it before this runs, the form never sees it. */
type OnKeyDown = NonNullable<DatePickerProps['onKeyDown']>;

function keepEnter(own?: OnKeyDown): OnKeyDown {
  return (event, preventDefault) => {
    if (event.key === 'Enter') event.preventDefault();
    own?.(event, preventDefault);
  };
}

type SingleProps = Omit<DatePickerProps<Dayjs, false>, 'format' | 'multiple'>;

export function DateField({ onKeyDown, placeholder, hint, ...props }: SingleProps & Hint) {
  const input = useDateInput(hint);
  return <DatePicker format={input.format} placeholder={placeholder ?? input.placeholder} onKeyDown={keepEnter(onKeyDown)} {...props} />;
}

export function DateRangeField({ onKeyDown, placeholder, hint, ...props }: Omit<RangePickerProps, 'format'> & Hint) {
  const input = useDateInput(hint);
  return <DatePicker.RangePicker format={input.format} placeholder={placeholder ?? [input.placeholder, input.placeholder]} onKeyDown={keepEnter(onKeyDown)} {...props} />;
}
