import { describe, expect, it } from 'vitest';
import { recommendationState } from '../../../common/supervision';
import { validateSupervisionSearch } from './supervision-search';

describe('the supervision page URL', () => {
  it('keeps a unit, a year and a known state, and drops the rest', () => {
    expect(validateSupervisionSearch({ unitId: '42', year: '2026', state: 'overdue' })).toEqual({ unitId: '42', year: 2026, state: 'overdue' });
    expect(validateSupervisionSearch({ unitId: '0', year: '1899', state: 'late' })).toEqual({});
  });
});

describe("a recommendation's state", () => {
  it("is computed on Viet Nam's day: due today is still open, due yesterday is overdue; an answer decides", () => {
    expect(recommendationState({ dueOn: '2026-12-06', answeredOn: null, answerKind: null }, '2026-12-06')).toBe('open');
    expect(recommendationState({ dueOn: '2026-12-05', answeredOn: null, answerKind: null }, '2026-12-06')).toBe('overdue');
    expect(recommendationState({ dueOn: '2026-12-05', answeredOn: '2026-12-07', answerKind: 'partly' }, '2026-12-08')).toBe('partly');
    expect(recommendationState({ dueOn: '2026-12-05', answeredOn: '2026-12-01', answerKind: 'answered' }, '2026-12-08')).toBe('answered');
  });
});
