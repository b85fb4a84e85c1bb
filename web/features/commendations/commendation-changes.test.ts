import { describe, expect, it } from 'vitest';
import { changesOf, valuesOf } from './commendation-changes';
import type { CommendationDetail } from './commendations.api';

const unit = { id: '5', name: 'Phường Hoa Lư', kind: 'commune' };
const individual: CommendationDetail = {
  id: '9',
  recipientKind: 'individual',
  unit,
  name: 'Nguyễn Thị Hoa',
  position: null,
  formCode: 'merit_certificate',
  formNames: { vi: 'Giấy khen' },
  issuingUnit: { id: '1', name: 'Tỉnh Ninh Bình', kind: 'province' },
  decisionNumber: '12/QĐ-UBND',
  decisionDate: '2026-01-10',
  year: 2025,
  emulationPeriodId: '3',
  conferenceId: null,
  reason: null,
  createdAt: '2026-01-10T00:00:00Z',
  updatedAt: '2026-01-10T00:00:00Z',
  version: 4,
  entries: [
    { id: '20', title: 'Dân vận khéo A', year: 2025 },
    { id: '21', title: 'Dân vận khéo B', year: 2025 },
  ],
};

describe('the change a commendation form sends', () => {
  it('is empty when nothing was touched', () => {
    expect(changesOf(individual, valuesOf(individual))).toEqual({});
  });

  it('names only the fields changed, trimmed, with a cleared text as null', () => {
    const v = { ...valuesOf(individual), name: '  Nguyễn Thị Hòa ', position: ' Chi hội trưởng ', decisionNumber: '12/QĐ-UBND ', reason: '   ' };
    expect(changesOf(individual, v)).toEqual({ name: 'Nguyễn Thị Hòa', position: 'Chi hội trưởng' });
  });

  it('leaves an untouched period to the server when the year changes, and sends a cleared one as null', () => {
    const v = valuesOf(individual);
    expect(changesOf(individual, { ...v, year: 2026 })).toEqual({ year: 2026 });
    expect(changesOf(individual, { ...v, emulationPeriodId: undefined })).toEqual({ emulationPeriodId: null });
  });

  it('sends the linked entries only when the set differs, whatever the order', () => {
    const v = valuesOf(individual);
    expect(changesOf(individual, { ...v, entryIds: ['21', '20'] })).toEqual({});
    expect(changesOf(individual, { ...v, entryIds: ['22', '20'] })).toEqual({ entryIds: ['20', '22'] });
    expect(changesOf(individual, { ...v, entryIds: [] })).toEqual({ entryIds: [] });
  });

  it('never sends a name or position for a collective (the server refuses them)', () => {
    const collective: CommendationDetail = { ...individual, recipientKind: 'collective', name: null, position: null };
    expect(changesOf(collective, { ...valuesOf(collective), name: 'x', position: 'y', decisionDate: valuesOf(collective).decisionDate.add(1, 'day') })).toEqual({ decisionDate: '2026-01-11' });
  });
});
