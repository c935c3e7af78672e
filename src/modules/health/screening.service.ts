import type { AppContext } from '../../context.ts'
import { SCREENING_QUESTIONS } from './campaign.enums.ts'
import type { ScreeningBody } from './campaign.schema.ts'
import { healthError } from './health.errors.ts'
import { upsertScreening } from './programme.repository.ts'
import { myOpenProgramme, programmeById } from './programme.service.ts'

const BY_ID = new Map(SCREENING_QUESTIONS.map((q) => [q.id, q]))

/** The questionnaire of a programme (one for all programmes today; the route names the programme). */
export async function screeningQuestions(ctx: AppContext, programmeId: string) {
  await programmeById(ctx, programmeId)
  return SCREENING_QUESTIONS.map((q) => ({
    id: q.id,
    topic: q.topic,
    kind: q.kind,
    text: q.text,
    required: q.required,
    needsDoctorWhen: q.needsDoctorWhen,
  }))
}

/** The questions whose answer needs a doctor before the dose. */
export function screeningFlags(answers: Record<string, boolean | string>): string[] {
  return SCREENING_QUESTIONS.filter(
    (q) => q.needsDoctorWhen !== null && answers[q.id] === q.needsDoctorWhen,
  ).map((q) => q.id)
}

function checkAnswers(answers: Record<string, boolean | string>) {
  for (const [id, value] of Object.entries(answers)) {
    const q = BY_ID.get(id)
    if (!q) throw healthError('health.unknown_question', `No screening question "${id}"`)
    if (q.kind === 'boolean' ? typeof value !== 'boolean' : typeof value !== 'string')
      throw healthError(
        'health.answer_type',
        `"${id}" takes ${q.kind === 'boolean' ? 'true or false' : 'a text'}`,
      )
  }
  const missing = SCREENING_QUESTIONS.filter((q) => q.required && answers[q.id] === undefined).map(
    (q) => q.id,
  )
  if (missing.length > 0)
    throw healthError('health.answer_missing', `Answer every required question: ${missing.join(', ')}`, {
      missing,
    })
}

/**
 * The citizen answers the screening of a programme open to them (again: the latest answers count).
 * An answer that needs a doctor flags it, and so the booking, for the clinician to review.
 */
export async function answerScreening(
  ctx: AppContext,
  userId: string,
  programmeId: string,
  body: ScreeningBody,
): Promise<{ flagged: boolean; flags: string[] }> {
  await myOpenProgramme(ctx, userId, programmeId)
  checkAnswers(body.answers)
  const flags = screeningFlags(body.answers)
  await upsertScreening(ctx.db, { programmeId, personId: userId, answers: body.answers, flags })
  return { flagged: flags.length > 0, flags }
}
