import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { assessmentDue, currentSiteLevels } from './assessment.due.ts'
import { assessmentsOf, insertAssessment } from './assessment.repository.ts'
import type { AssessmentResult } from './assessment.schema.ts'
import { QUESTIONS, type Scored, SECTIONS, scoreAnswers, TEMPLATE_VERSION } from './assessment.template.ts'
import { accessOf, requireMember } from './enterprise.service.ts'
import { enterpriseError } from './enterprises.errors.ts'

export function assessmentTemplate(lang: 'zh-CN' | 'en') {
  return {
    version: TEMPLATE_VERSION,
    sections: SECTIONS.map((s) => ({
      code: s.code,
      title: s.title,
      source: s.source,
      questions: s.questions.map((q) => ({
        id: q.id,
        text: q.text[lang],
        texts: q.text,
        weight: q.weight,
        guidance: q.guidance,
      })),
    })),
  }
}

/** Scores the answers and keeps them: every submission stays in the history. */
export async function submitAssessment(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  answers: Record<string, number>,
  ip: string,
): Promise<AssessmentResult> {
  await requireMember(ctx.db, principal, enterpriseId)
  const unknown = Object.keys(answers).filter((id) => !QUESTIONS.has(id))
  if (unknown.length)
    throw enterpriseError('enterprise.unknown_question', `No such question: ${unknown.join(', ')}`, {
      questions: unknown,
    })
  const scored = scoreAnswers(answers)
  const siteLevels = await currentSiteLevels(ctx.db, enterpriseId)
  const id = uuidv7()
  const submittedAt = new Date()
  await ctx.db.transaction().execute(async (trx) => {
    await insertAssessment(trx, {
      id,
      enterprise_id: enterpriseId,
      answers: JSON.stringify(answers),
      score: scored.score,
      sections: JSON.stringify(scored.sections),
      gaps: JSON.stringify(scored.gaps),
      site_levels: JSON.stringify(siteLevels),
      submitted_by: principal.userId,
      submitted_at: submittedAt,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.assessment',
      subjectType: 'enterprise',
      subjectId: enterpriseId,
      ip,
      details: { score: scored.score },
    })
  })
  return { id, ...scored, answers, submittedAt: submittedAt.toISOString() }
}

export async function assessmentHistory(ctx: AppContext, principal: Principal, enterpriseId: string) {
  await accessOf(ctx.db, principal, enterpriseId, { staff: true })
  const rows = await assessmentsOf(ctx.db, enterpriseId)
  return rows.map(
    (r): AssessmentResult => ({
      id: r.id,
      score: r.score,
      sections: r.sections,
      gaps: r.gaps as Scored['gaps'],
      answers: r.answers,
      submittedAt: new Date(r.submitted_at).toISOString(),
    }),
  )
}

/** Whether a new self-assessment is due, and why (the reminder job sends the same reasons). */
export async function assessmentDueFor(ctx: AppContext, principal: Principal, enterpriseId: string) {
  await accessOf(ctx.db, principal, enterpriseId, { staff: true })
  const due = await assessmentDue(ctx.db, enterpriseId)
  return {
    due: due.reasons.length > 0,
    lastSubmittedAt: due.lastSubmittedAt,
    reasons: due.reasons.map(({ key: _key, ...r }) => r),
  }
}
