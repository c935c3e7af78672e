import type { CapErrorCode, CapProblem } from './cap.errors.ts'
import { normalizeCapGeometry, parseCapCircle, parseCapPolygon } from './cap.geometry.ts'
import { type CapAlertInput, type CapReference, capDateTime } from './cap.model.ts'

/**
 * The CAP 1.2 rules the XML Schema cannot express (OASIS CAP 1.2, section 3.2): identifiers and
 * senders without spaces, commas, "<" or "&"; dates with a time zone; `references` as
 * "sender,identifier,sent" triplets; closed polygons of four or more points; circles as
 * "lat,lon radius". They apply to alerts from XML and from JSON alike.
 */

/** An alert as read, `references` still CAP's space-separated text. */
export type CapAlertDraft = Omit<CapAlertInput, 'references'> & { references?: string }

const FORBIDDEN_IN_ID = /[\s,<&]/
/** Messages about earlier ones: an empty `<references/>` on them names nothing and is refused. */
const REFERRING = new Set(['Update', 'Cancel'])

export function parseCapReferences(text: string): { references: CapReference[]; problems: string[] } {
  const references: CapReference[] = []
  const problems: string[] = []
  for (const triplet of text.trim().split(/\s+/).filter(Boolean)) {
    const [sender, identifier, sent, ...rest] = triplet.split(',')
    if (!sender || !identifier || !sent || rest.length > 0) {
      problems.push(`"${triplet}" is not a "sender,identifier,sent" triplet`)
    } else if (!capDateTime.safeParse(sent).success) {
      problems.push(`"${triplet}" has "${sent}" where a sent time with time zone belongs`)
    } else {
      references.push({ sender, identifier, sent })
    }
  }
  return { references, problems }
}

/** Checks the draft; returns the alert with references parsed and geometry tidied, and every problem found. */
export function applyCapRules(draft: CapAlertDraft): { alert: CapAlertInput; problems: CapProblem[] } {
  const problems: CapProblem[] = []
  const problem = (code: CapErrorCode, path: string, message: string) =>
    problems.push({ code, path, message })

  for (const field of ['identifier', 'sender'] as const) {
    if (FORBIDDEN_IN_ID.test(draft[field]))
      problem('cap.bad_identifier', field, `"${draft[field]}" must not contain spaces, commas, "<" or "&"`)
  }
  const checkDate = (path: string, value: string | undefined) => {
    if (value !== undefined && !capDateTime.safeParse(value).success)
      problem(
        'cap.bad_date',
        path,
        `"${value}" is not a date and time with a time zone, e.g. 2024-05-01T08:00:00+08:00`,
      )
  }
  checkDate('sent', draft.sent)

  const { references: referencesText, ...rest } = draft
  let references: CapReference[] = []
  if (referencesText !== undefined) {
    const parsed = parseCapReferences(referencesText)
    references = parsed.references
    for (const message of parsed.problems) problem('cap.bad_references', 'references', message)
    if (!parsed.problems.length && !references.length && REFERRING.has(draft.msgType))
      problem(
        'cap.bad_references',
        'references',
        `${draft.msgType} messages name the message they update or cancel: references holds no sender,identifier,sent triplet`,
      )
  }

  const info = (draft.info ?? []).map((inf, i) => {
    for (const key of ['effective', 'onset', 'expires'] as const) checkDate(`info[${i}].${key}`, inf[key])
    const area = (inf.area ?? []).map((a, j) => {
      const polygon = (a.polygon ?? []).map((p, k) => {
        const parsed = parseCapPolygon(p)
        if (!parsed.ok) problem('cap.bad_polygon', `info[${i}].area[${j}].polygon[${k}]`, parsed.reason)
        return normalizeCapGeometry(p)
      })
      const circle = (a.circle ?? []).map((c, k) => {
        const parsed = parseCapCircle(c)
        if (!parsed.ok) problem('cap.bad_circle', `info[${i}].area[${j}].circle[${k}]`, parsed.reason)
        return normalizeCapGeometry(c)
      })
      return { ...a, polygon, circle }
    })
    return { ...inf, area }
  })

  return { alert: { ...rest, references, info }, problems }
}
