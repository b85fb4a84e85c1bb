import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from '../../../common/small-cells';
import { figureBars, figuresChartOption } from './figures-chart';

describe('figures bars', () => {
  it('draw no suppressed cell and put what they hide into "khác"', () => {
    const table = suppressSmallCells(
      [
        { key: '06', n: 40 },
        { key: '01', n: 2 },
        { key: '03', n: 9 },
      ],
      'persons',
    );
    const bars = figureBars(table, (k) => `dân tộc ${k}`, 'Khác');
    expect(bars).toEqual([
      { label: 'dân tộc 06', value: 40 },
      { label: 'Khác', value: 11 },
    ]);
    const option = figuresChartOption(bars, { rtl: true, number: String, color: '#c62828' });
    expect(option.xAxis).toMatchObject({ inverse: true });
    expect(option.yAxis).toMatchObject({ position: 'right', data: ['dân tộc 06', 'Khác'] });
  });
});
