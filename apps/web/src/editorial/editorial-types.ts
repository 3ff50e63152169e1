import {
  EDITABLE_FIELDS,
  type EditableField,
} from '../../../../packages/core/src/directory/editorial-fields.ts';

/** The editable fields in the order of the form: the core's list, the long description last. */
export const FIELDS: readonly EditableField[] = [
  ...EDITABLE_FIELDS.filter((f) => f !== 'description'),
  'description',
];
export type Field = EditableField;

/** The editorial API's answers, as the page reads them (see apps/server/src/routes/directory-editorial.*). */
export type Fields = Record<Field, string | number | string[] | null>;

export interface EditorialEntry {
  id: string;
  name: string;
  provider: { id: string; name: string } | null;
  facility: { id: string; name: string; city: string | null } | null;
  lastVerified: string | null;
  verificationDue: boolean;
  pendingChanges: number;
  fields: Fields;
}

export interface EntriesResponse {
  total: number;
  dueTotal: number;
  reviewer: boolean;
  verifyMonths: number;
  items: EditorialEntry[];
}

export interface FieldChange {
  field: Field;
  before: unknown;
  after: unknown;
}

export interface Change {
  id: string;
  serviceId: string | null;
  serviceName: string | null;
  kind: 'edit' | 'new' | 'withdraw' | 'verify' | 'report';
  message: string | null;
  status: 'pending' | 'published' | 'rejected';
  submittedByName: string | null;
  reporter: { name: string | null; email: string | null } | null;
  submittedAt: string;
  reviewNote: string | null;
  diff: FieldChange[];
  conflicts: FieldChange[];
  reportId: string | null;
  providerName: string | null;
  /** Where a proposed new service is offered. */
  placement: {
    categoryId: string;
    providerId: string;
    facilityId: string | null;
    facility?: {
      name: string;
      address: Record<'street' | 'houseNumber' | 'postcode' | 'city' | 'district', string | null>;
      location: { lon: number; lat: number };
    } | null;
  } | null;
}

export interface Category {
  id: string;
  name: string;
  nameEn: string | null;
  depth: number;
}

export interface Provider {
  id: string;
  name: string;
}

export interface HistoryItem {
  at: string;
  kind: string;
  byName: string | null;
  proposedByName: string | null;
  file: string | null;
  changes: FieldChange[];
  note: string | null;
}

/** A value as the page shows it: lists joined, nothing as a dash. */
export function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.join(', ') || '–';
  return String(value);
}
