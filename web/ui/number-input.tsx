/**
 * The one input for numbers: people type them as they write them ("1.500.000", "120,5", "1 500 000",
 * "١٢٠٫٥"), common/numbers.ts reads them, and the value shows grouped as the interface language
 * writes it once the field is left. Nothing is rounded or guessed: text that is not a number of
 * the field (a decimal in a whole-number field, "1,250" where either mark could be meant) reaches
 * the form as an `UnreadNumber`, which `NumberField`'s rule refuses with a message saying why.
 * Rules: docs/numbers.md.
 */
import Input, { type InputProps } from 'antd/es/input';
import Typography from 'antd/es/typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../common/access';
import { formatNumber, type NumberOptions, type NumberProblem, parseNumber } from '../../common/numbers';
import { DEFAULT_LOCALE, isLocale } from '../app/i18n';

/** Text typed into a number field that is not a number of it, with the reason. */
export class UnreadNumber {
  constructor(
    readonly text: string,
    readonly problem: Exclude<NumberProblem, { error: 'empty' }>,
  ) {}
}

/** A number field's value: a number (or its canonical text, for decimal strings), empty, or text it could not read. */
export type NumberValue = number | string | null | UnreadNumber;

export type NumberInputOptions = {
  /** Most decimals; 0 (the default) for whole numbers. */
  scale?: number;
  min?: number;
  max?: number;
  /** Also read "1.500.000 đ". */
  currency?: 'VND';
  /** false for years: 2025, not 2.025. */
  grouping?: boolean;
  /** 'string' hands the form the canonical text ("1250.75"), for the amounts the server takes as decimal strings (VND, m²). */
  valueType?: 'number' | 'string';
};

export type NumberInputProps = Omit<InputProps, 'value' | 'onChange' | 'type' | 'inputMode'> &
  NumberInputOptions & {
    value?: NumberValue;
    onChange?: (value: NumberValue) => void;
    /** Inside a Form.Item (NumberField) the item shows the message; alone, the input shows it under itself. */
    hideProblem?: boolean;
  };

function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** The message for text the field could not read, in the interface language. */
export function useNumberProblemMessage(): (unread: UnreadNumber, options: NumberInputOptions) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return ({ text, problem }, { scale = 0, grouping = true }) => {
    const show = (n: number, decimals = scale) => formatNumber(n, locale, { scale: decimals, grouping });
    switch (problem.error) {
      case 'invalid':
        return t('numbers.invalid', { example: show(scale ? 1250.5 : 1_500_000) });
      case 'ambiguous':
        return problem.decimalFits
          ? t('numbers.ambiguous', { text: text.trim(), grouped: show(problem.grouped, 0), decimal: show(problem.decimal, 3) })
          : t('numbers.ambiguousGrouped', { text: text.trim(), grouped: show(problem.grouped, 0), scale });
      case 'too_many_decimals':
        return problem.scale === 0 ? t('numbers.wholeOnly') : t('numbers.tooManyDecimals', { scale: problem.scale });
      case 'out_of_range': {
        const { min, max } = problem;
        if (min !== undefined && max !== undefined) return t('numbers.between', { min: show(min), max: show(max) });
        if (min !== undefined) return t('numbers.atLeast', { min: show(min) });
        if (max !== undefined) return t('numbers.atMost', { max: show(max) });
        return t('numbers.tooLong');
      }
    }
  };
}

/** Equal as numbers: the text "120.50" from the server and the number 120.5 typed are the same value. */
function sameValue(a: NumberValue | undefined, b: NumberValue | undefined): boolean {
  if (a instanceof UnreadNumber || b instanceof UnreadNumber) return a === b;
  const empty = (v: NumberValue | undefined) => v === null || v === undefined || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return Number(a) === Number(b);
}

export function NumberInput({ value, onChange, scale = 0, min, max, currency, grouping = true, valueType = 'number', hideProblem, onBlur, onFocus, status, ...rest }: NumberInputProps) {
  const locale = useLocale();
  const problemMessage = useNumberProblemMessage();
  const show = (v: NumberValue | undefined): string =>
    v === null || v === undefined || v === '' ? '' : v instanceof UnreadNumber ? v.text : formatNumber(Number(v), locale, { scale, grouping });
  const [text, setText] = useState(() => show(value));
  // What the text means: the last value read from it, or the value set from outside.
  const current = useRef<NumberValue | undefined>(value);
  const [unread, setUnread] = useState<UnreadNumber | null>(value instanceof UnreadNumber ? value : null);
  const [problemShown, setProblemShown] = useState(false);
  const focused = useRef(false);

  // A value other than the one this input handed out was set from outside (a reset, a reload): it replaces the text.
  useEffect(() => {
    if (sameValue(value, current.current)) return;
    current.current = value;
    setUnread(value instanceof UnreadNumber ? value : null);
    setText(show(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a value from outside rewrites the text
  }, [value]);
  useEffect(() => {
    if (!focused.current && !(current.current instanceof UnreadNumber)) setText(show(current.current));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- regroup when the language changes
  }, [locale]);

  const options: NumberOptions = { locale, scale, min, max, currency };
  const read = (typed: string): NumberValue => {
    const r = parseNumber(typed, options);
    if (r.ok) return valueType === 'string' ? r.text : r.value;
    return r.error === 'empty' ? null : new UnreadNumber(typed, r);
  };

  const input = (
    <Input
      {...rest}
      value={text}
      inputMode={scale > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      status={status ?? (!hideProblem && problemShown && unread ? 'error' : undefined)}
      aria-invalid={!hideProblem && problemShown && unread ? true : undefined}
      onFocus={(e) => {
        focused.current = true;
        onFocus?.(e);
      }}
      onChange={(e) => {
        const next = read(e.target.value);
        current.current = next;
        setText(e.target.value);
        setUnread(next instanceof UnreadNumber ? next : null);
        if (!(next instanceof UnreadNumber)) setProblemShown(false);
        onChange?.(next);
      }}
      onBlur={(e) => {
        focused.current = false;
        // A number read shows as the language writes it; unread text stays as typed, to be corrected.
        if (!(current.current instanceof UnreadNumber)) setText(show(current.current));
        setProblemShown(true);
        onBlur?.(e);
      }}
    />
  );
  if (hideProblem) return input;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 2 }}>
      {input}
      {problemShown && unread && (
        <Typography.Text type="danger" role="alert" style={{ fontSize: 12, maxWidth: 320 }}>
          {problemMessage(unread, { scale, grouping })}
        </Typography.Text>
      )}
    </span>
  );
}
