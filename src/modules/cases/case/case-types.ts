export const CASE_TYPES = [
  'kidnapping',
  'assault',
  'missing_person',
  'detention',
  'accident',
  'death',
  'medical',
  'lost_documents',
  'fraud',
  'dispute',
  'disaster',
  'other',
] as const
export type CaseType = (typeof CASE_TYPES)[number]

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const
export type Priority = (typeof PRIORITIES)[number]

/** The priority a case of each type starts from, before the intake answers adjust it. */
export const BASE_PRIORITY: Record<CaseType, Priority> = {
  kidnapping: 'P1',
  death: 'P1',
  missing_person: 'P1',
  disaster: 'P1',
  detention: 'P2',
  assault: 'P2',
  medical: 'P2',
  accident: 'P2',
  fraud: 'P3',
  lost_documents: 'P3',
  dispute: 'P3',
  other: 'P4',
}

/** Always need-to-know, whatever the case was created with. */
export const NEED_TO_KNOW_TYPES: ReadonlySet<CaseType> = new Set(['kidnapping'])

/** Types whose resolution counts people as rescued (see `peopleRescued` in the stats). */
export const RESCUE_TYPES: readonly CaseType[] = ['kidnapping', 'missing_person', 'disaster']

export type Answers = Record<string, string | number | boolean>

const rank = (p: Priority) => PRIORITIES.indexOf(p)
const atLeast = (p: Priority, floor: Priority): Priority => (rank(p) > rank(floor) ? floor : p)

/**
 * The guided intake's answers move the type's priority: a danger to life makes any case P1,
 * an injury at least P2, and a child or a large group raises it one step.
 */
export function suggestPriority(type: CaseType, answers: Answers = {}): Priority {
  let p = BASE_PRIORITY[type]
  if (answers.lifeThreatening === true) p = 'P1'
  if (answers.injured === true) p = atLeast(p, 'P2')
  const raise =
    answers.minorInvolved === true || (typeof answers.peopleCount === 'number' && answers.peopleCount >= 10)
  if (raise) p = PRIORITIES[Math.max(0, rank(p) - 1)] as Priority
  return p
}
