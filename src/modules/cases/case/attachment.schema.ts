import { z } from 'zod'
import { actor } from '../common.schema.ts'

export const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() })

export const attachment = z.object({
  id: z.string(),
  name: z.string().describe('the name it was uploaded under, made safe to show'),
  size: z.number().describe('bytes'),
  mediaType: z.string().describe('the type its content was found to be'),
  sha256: z.string(),
  uploadedBy: actor.nullable(),
  uploadedAt: z.string(),
  removed: z
    .object({ at: z.string(), by: actor.nullable(), reason: z.string() })
    .nullable()
    .describe('removed files stay listed for the record, and are no longer served'),
  downloadUrl: z.string().nullable(),
})
export type Attachment = z.infer<typeof attachment>

export const attachmentList = z.object({
  items: z.array(attachment),
  limits: z.object({
    maxBytes: z.number().describe('largest file'),
    maxFiles: z.number().describe('files a case may hold'),
    maxCaseBytes: z.number().describe('bytes a case may hold'),
    accept: z.array(z.string()).describe('file name extensions accepted, e.g. .pdf'),
  }),
})

export const uploadResponse = z.object({ items: z.array(attachment) })

export const removeAttachmentBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000).describe('why it is removed (kept with the record)'),
})
export type RemoveAttachmentBody = z.infer<typeof removeAttachmentBody>
