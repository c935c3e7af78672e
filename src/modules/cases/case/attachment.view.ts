import type { AttachmentRow } from '../cases.table.ts'
import type { Refs } from '../refs.ts'
import type { Attachment } from './attachment.schema.ts'

export const attachmentUsers = (rows: readonly AttachmentRow[]) =>
  rows.flatMap((r) => [r.uploaded_by, r.deleted_by])

export function toAttachment(row: AttachmentRow, refs: Refs): Attachment {
  return {
    id: row.id,
    name: row.file_name,
    size: Number(row.size),
    mediaType: row.media_type,
    sha256: row.sha256,
    uploadedBy: refs.user(row.uploaded_by),
    uploadedAt: new Date(row.uploaded_at).toISOString(),
    removed: row.deleted_at
      ? {
          at: new Date(row.deleted_at).toISOString(),
          by: refs.user(row.deleted_by),
          reason: row.deleted_reason ?? '',
        }
      : null,
    downloadUrl: row.deleted_at ? null : `/api/v1/cases/${row.case_id}/attachments/${row.id}`,
  }
}
