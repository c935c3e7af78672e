import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { attachmentRoutes } from './case/attachment.routes.ts'
import { boardRoutes } from './case/board.routes.ts'
import { caseRoutes } from './case/case.routes.ts'
import { crisisRoutes } from './crisis/crisis.routes.ts'
import { crisisMeRoutes } from './crisis/crisis-me.routes.ts'
import { evacuationRoutes } from './crisis/evacuation.routes.ts'
import { contactRoutes } from './hotline/contact.routes.ts'
import { helpRoutes } from './hotline/help.routes.ts'

/** The hotline and protection cases: contacts, help requests, cases and their files, board, crises and evacuations. */
export const casesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(contactRoutes, { ctx })
  await app.register(helpRoutes, { ctx })
  await app.register(caseRoutes, { ctx })
  await app.register(attachmentRoutes, { ctx })
  await app.register(boardRoutes, { ctx })
  await app.register(crisisRoutes, { ctx })
  await app.register(evacuationRoutes, { ctx })
  await app.register(crisisMeRoutes, { ctx })
}
