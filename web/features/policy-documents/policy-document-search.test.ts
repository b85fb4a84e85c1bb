import { describe, expect, it } from 'vitest';
import { policyDocumentListQuery, validatePolicyDocumentSearch } from './policy-document-search';

describe('the policy documents list filters in the URL', () => {
  it('keep the known filters and drop what the API would refuse', () => {
    expect(validatePolicyDocumentSearch({ q: '  nghi quyet 25 ', kind: 'resolution', issuingUnitId: '12', status: 'issued', validOn: '2026-12-05', page: '3', bogus: 'x' })).toEqual({
      q: 'nghi quyet 25',
      kind: 'resolution',
      issuingUnitId: '12',
      status: 'issued',
      validOn: '2026-12-05',
      page: 3,
    });
    expect(validatePolicyDocumentSearch({ kind: 'Nghị quyết', issuingUnitId: 'abc', status: 'archived', validOn: '2026-02-30', page: '1', q: '   ' })).toEqual({});
  });

  it('turn the page into limit and offset', () => {
    expect(policyDocumentListQuery({ q: '25-NQ/TW', page: 2 })).toEqual({ q: '25-NQ/TW', limit: 20, offset: 20 });
    expect(policyDocumentListQuery({})).toEqual({ limit: 20, offset: 0 });
  });
});
