import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { attachmentRoutes } from './attachment.routes.ts'
import { boardRoutes } from './board.routes.ts'
import { caseRoutes } from './case.routes.ts'
import { contactRoutes } from './contact.routes.ts'
import { crisisRoutes } from './crisis.routes.ts'
import { crisisMeRoutes } from './crisis-me.routes.ts'
import { evacuationRoutes } from './evacuation.routes.ts'

/** The hotline and protection cases: contacts, help requests, cases and their files, board, crises and evacuations. */
export const casesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(contactRoutes, { ctx })
  await app.register(caseRoutes, { ctx })
  await app.register(attachmentRoutes, { ctx })
  await app.register(boardRoutes, { ctx })
  await app.register(crisisRoutes, { ctx })
  await app.register(evacuationRoutes, { ctx })
  await app.register(crisisMeRoutes, { ctx })
}
