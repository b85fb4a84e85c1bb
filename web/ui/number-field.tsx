/**
 * A form's number field: Form.Item + NumberInput + the rule that refuses text the input could not
 * read (with the reason: ambiguous, too many decimals, out of range, not a number). Its message
 * appears when the field is left or the form submitted (Enter included), not while typing, and
 * goes as soon as the text reads right. Range and scale are the input's options, so no separate
 * `type: 'number'` rule is needed (it would also fire on unread text, with a second message).
 */
import Form, { type FormItemProps } from 'antd/es/form';
import type { Rule } from 'antd/es/form';
import { NumberInput, type NumberInputOptions, type NumberInputProps, type NumberValue, UnreadNumber, useNumberProblemMessage } from './number-input';

export type NumberFieldProps = Omit<FormItemProps, 'children' | 'validateTrigger'> &
  NumberInputOptions & {
    /** Props of the input itself (style, placeholder, data-testid…). */
    input?: Omit<NumberInputProps, keyof NumberInputOptions | 'value' | 'onChange' | 'hideProblem'>;
  };

export function NumberField({ scale, min, max, currency, grouping, valueType, input, rules = [], ...item }: NumberFieldProps) {
  const form = Form.useFormInstance();
  const problemMessage = useNumberProblemMessage();
  const options: NumberInputOptions = { scale, min, max, currency, grouping, valueType };
  const readable: Rule = {
    validator: async (_, value: NumberValue | undefined) => {
      if (value instanceof UnreadNumber) throw new Error(problemMessage(value, options));
    },
  };
  const clearWhenRead = (value: NumberValue) => {
    if (value instanceof UnreadNumber || item.name === undefined || !form.getFieldError(item.name).length) return;
    void form.validateFields([item.name]).catch(() => undefined);
  };
  return (
    <Form.Item {...item} rules={[...rules, readable]} validateTrigger="onBlur">
      <NumberInput {...input} {...options} hideProblem onChange={clearWhenRead} />
    </Form.Item>
  );
}
