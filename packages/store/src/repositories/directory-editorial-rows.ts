import type {
  DirectoryChange,
  DirectoryChangeKind,
  DirectoryChangeStatus,
  EditableServiceFields,
  NewServicePlacement,
} from '@lagebild/core';
import type { DirectoryChangeRow } from '../directory-editorial-schema.ts';
import { parseJson, stableJson } from '../json.ts';

export interface ChangeToWrite {
  id: string;
  kind: DirectoryChangeKind;
  serviceId: string | null;
  fields: Partial<EditableServiceFields>;
  placement: NewServicePlacement | null;
  message: string | null;
  base: EditableServiceFields | null;
  submittedBy: string | null;
  reporter: { name: string | null; email: string | null } | null;
  reportId: string | null;
  submittedAt: string;
}

/** The `placement` column holds the new service's placement and the report the change answers. */
interface PlacementColumn extends Partial<NewServicePlacement> {
  reportId?: string;
}

/** A new, pending change request as a row. */
export function changeRow(change: ChangeToWrite): DirectoryChangeRow {
  return {
    id: change.id,
    service_id: change.serviceId,
    kind: change.kind,
    fields: stableJson(change.fields),
    placement:
      change.placement || change.reportId
        ? stableJson({ ...change.placement, ...(change.reportId ? { reportId: change.reportId } : {}) })
        : null,
    message: change.message,
    base: change.base ? stableJson(change.base) : null,
    status: 'pending',
    submitted_by: change.submittedBy,
    reporter_name: change.reporter?.name ?? null,
    reporter_email: change.reporter?.email ?? null,
    submitted_at: change.submittedAt,
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
    before: null,
    after: null,
    batch_id: null,
  };
}

export function toChange(row: DirectoryChangeRow): DirectoryChange {
  const reporter =
    row.reporter_name === null && row.reporter_email === null
      ? null
      : { name: row.reporter_name, email: row.reporter_email };
  const { reportId, ...placement } = parseJson<PlacementColumn>(row.placement) ?? {};
  return {
    id: row.id,
    serviceId: row.service_id,
    kind: row.kind as DirectoryChangeKind,
    fields: JSON.parse(row.fields) as Partial<EditableServiceFields>,
    placement: placement.categoryId !== undefined ? (placement as NewServicePlacement) : null,
    message: row.message,
    base: parseJson<EditableServiceFields>(row.base),
    status: row.status as DirectoryChangeStatus,
    submittedBy: row.submitted_by,
    reporter,
    submittedAt: row.submitted_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    before: parseJson<EditableServiceFields>(row.before),
    after: parseJson<EditableServiceFields>(row.after),
    batchId: row.batch_id === null ? null : Number(row.batch_id),
    reportId: reportId ?? null,
  };
}
