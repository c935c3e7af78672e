import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { myDoses, reportMyAdverseEvent, reportSiteAdverseEvent } from './adverse-event.service.ts'
import {
  adverseEventBody,
  adverseEventCreated,
  myDoses as myDosesSchema,
  myProgrammeList,
  programmeBody,
  programmeBooking,
  programmeBookingBody,
  programmeCreated,
  programmeList,
  programmeParams,
  screeningBody,
  screeningQuestions as screeningQuestionsSchema,
  screeningResult,
} from './campaign.schema.ts'
import { bookFromProgramme } from './day.service.ts'
import { createProgramme, myProgrammes, programmes } from './programme.service.ts'
import { answerScreening, screeningQuestions } from './screening.service.ts'

/** Spring Sprout, the programme side: programmes, screening, booking, my doses, adverse events. */
export const campaignRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['health']

  app.post(
    '/api/v1/health/programmes',
    routeOptions(
      ACCESS.programmeKeepers,
      tags,
      'Open a vaccination programme (countries, dates, sites, ages)',
      {
        body: programmeBody,
        response: { 201: programmeCreated },
      },
    ),
    async (request, reply) =>
      reply.status(201).send(await createProgramme(ctx, requirePrincipal(request), request.body, request.ip)),
  )
  app.get(
    '/api/v1/health/programmes',
    routeOptions(ACCESS.programmeReaders, tags, 'Every vaccination programme, latest first', {
      response: { 200: programmeList },
    }),
    async () => programmes(ctx),
  )
  app.get(
    '/api/v1/me/health/programmes',
    routeOptions(
      ACCESS.citizens,
      tags,
      'The programmes open to me (or my family) now, with my screening and booking',
      {
        response: { 200: myProgrammeList },
      },
    ),
    async (request) => myProgrammes(ctx, requirePrincipal(request).userId),
  )
  app.get(
    '/api/v1/health/programmes/:programmeId/screening-questions',
    routeOptions(ACCESS.signedIn, tags, "A programme's screening questions, in both languages", {
      params: programmeParams,
      response: { 200: screeningQuestionsSchema },
    }),
    async (request) => screeningQuestions(ctx, request.params.programmeId),
  )
  app.put(
    '/api/v1/me/health/screening/:programmeId',
    routeOptions(
      ACCESS.citizens,
      tags,
      'Answer the screening of a programme open to me; an answer that needs a doctor flags it',
      {
        params: programmeParams,
        body: screeningBody,
        response: { 200: screeningResult },
      },
    ),
    async (request) =>
      answerScreening(ctx, requirePrincipal(request).userId, request.params.programmeId, request.body),
  )
  app.post(
    '/api/v1/me/health/programmes/:programmeId/bookings',
    {
      ...routeOptions(
        ACCESS.citizens,
        tags,
        "Book a vaccination at one of the programme's sites (a solved challenge)",
        {
          params: programmeParams,
          body: programmeBookingBody,
          response: { 201: programmeBooking },
        },
      ),
      config: {
        access: ACCESS.citizens,
        rateLimit: { max: ctx.config.appointments.bookingsPerMinute, timeWindow: 60_000 },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await bookFromProgramme(ctx, requirePrincipal(request), request.params.programmeId, request.body),
        ),
  )
  app.get(
    '/api/v1/me/health/doses',
    routeOptions(ACCESS.signedIn, tags, 'My vaccination doses, with the next dose due', {
      response: { 200: myDosesSchema },
    }),
    async (request) => myDoses(ctx, requirePrincipal(request).userId),
  )
  app.post(
    '/api/v1/me/health/adverse-events',
    routeOptions(
      ACCESS.signedIn,
      tags,
      'Report an adverse event after one of my doses; a serious one opens a medical case',
      {
        body: adverseEventBody,
        response: { 201: adverseEventCreated },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportMyAdverseEvent(ctx, requirePrincipal(request), request.body, request.ip)),
  )
  app.post(
    '/api/v1/health/adverse-events',
    routeOptions(ACCESS.clinicians, tags, 'Report an adverse event after a dose given at my site', {
      body: adverseEventBody,
      response: { 201: adverseEventCreated },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportSiteAdverseEvent(ctx, requirePrincipal(request), request.body, request.ip)),
  )
}
