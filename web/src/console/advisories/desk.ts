import type { draftList } from '@server/advisories/advisories.schema.ts'
import type { z } from 'zod'

/** What the caller may draft ('all' for duty officers) and the drafts waiting there. */
export type DraftDesk = z.infer<typeof draftList>
export type DraftMeta = DraftDesk['drafts'][number]

export const mayEdit = (desk: DraftDesk | undefined, country: string) =>
  !!desk && (desk.editable === 'all' || desk.editable.includes(country))
