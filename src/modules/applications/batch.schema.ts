import { z } from 'zod'

export const batchCreateBody = z.strictObject({
  /** Needed when the caller works several missions (or all of them). */
  mission: z.string().min(1).max(40).optional(),
})

export const batchParams = z.strictObject({ id: z.uuid() })
export const batchQuery = z.strictObject({ mission: z.string().min(1).max(40).optional() })

export const productionBatch = z.object({
  id: z.uuid(),
  mission: z.string(),
  count: z.number().int(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.iso.datetime(),
  /** The archive was deleted with the applications' files: the record stays. */
  purged: z.boolean(),
  references: z.array(z.string()),
})
export type ProductionBatch = z.infer<typeof productionBatch>
export const productionBatches = z.object({ items: z.array(productionBatch) })
