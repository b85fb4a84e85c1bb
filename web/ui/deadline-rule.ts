import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { todayInVietnam } from '../../common/units';

/**
 * A form rule for a deadline being set (a review's key task, a reception commitment): not before
 * today in Viet Nam, as the server checks it (DEADLINE_IN_PAST). `keep`: the deadline the record
 * already has, which an edit may leave as it is even when it has passed. The days stay pickable so
 * a date typed in the past is explained, not silently dropped.
 */
export function notBeforeToday(message: (today: string) => string, keep?: string): Rule {
  return {
    validator: async (_, value: Dayjs | null | undefined) => {
      if (!value) return;
      const day = value.format('YYYY-MM-DD');
      const today = todayInVietnam();
      if (day < today && day !== keep) throw new Error(message(today));
    },
  };
}
