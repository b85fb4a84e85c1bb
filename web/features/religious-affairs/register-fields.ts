/** The fields of each register's form, in order (their labels: `religiousAffairs.fields.<name>`). */
import type { Register } from '../../../common/religious-affairs';

export type Field = { name: string; kind: 'text' | 'religion' | 'legal' | 'ethnic' | 'year' | 'number' | 'date' | 'organization' | 'place' | 'unit'; required?: boolean };

export const RELIGIOUS_FORM_FIELDS: Record<Register, Field[]> = {
  organizations: [
    { name: 'name', kind: 'text', required: true },
    { name: 'religionCode', kind: 'religion', required: true },
    { name: 'denomination', kind: 'text' },
    { name: 'legalStatus', kind: 'legal', required: true },
  ],
  places: [
    { name: 'name', kind: 'text', required: true },
    { name: 'religionCode', kind: 'religion', required: true },
    { name: 'organizationId', kind: 'organization' },
    { name: 'address', kind: 'text', required: true },
    { name: 'legalStatus', kind: 'legal', required: true },
  ],
  dignitaries: [
    { name: 'name', kind: 'text', required: true },
    { name: 'religiousName', kind: 'text' },
    { name: 'religionCode', kind: 'religion', required: true },
    { name: 'rank', kind: 'text', required: true },
    { name: 'organizationId', kind: 'organization' },
    { name: 'placeId', kind: 'place' },
    { name: 'birthYear', kind: 'year' },
    { name: 'leftOn', kind: 'date' },
    { name: 'leftReason', kind: 'text' },
  ],
  persons: [
    { name: 'name', kind: 'text', required: true },
    { name: 'ethnicCode', kind: 'ethnic', required: true },
    { name: 'village', kind: 'text', required: true },
    { name: 'recognizedYear', kind: 'year', required: true },
    { name: 'decision', kind: 'text', required: true },
    { name: 'decidingUnitId', kind: 'unit', required: true },
    { name: 'leftOn', kind: 'date' },
    { name: 'leftReason', kind: 'text' },
  ],
  events: [
    { name: 'name', kind: 'text', required: true },
    { name: 'religionCode', kind: 'religion' },
    { name: 'startsOn', kind: 'date', required: true },
    { name: 'endsOn', kind: 'date', required: true },
    { name: 'place', kind: 'text', required: true },
    { name: 'expectedAttendance', kind: 'number' },
  ],
};
