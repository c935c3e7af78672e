import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { SIGNED_IN } from '../identity/index.ts'
import {
  dependantBody,
  dependantChanges,
  dependantIdParams,
  dependantList,
  dependantResponse,
} from './dependant.schema.ts'
import {
  changeDependant,
  createDependant,
  getDependant,
  listDependants,
  removeDependant,
} from './dependant.service.ts'
import { forgetLocation, getLocation, recordLocation } from './location.service.ts'
import { getProfile, setResidence, updateProfile } from './profile.service.ts'
import {
  currentLocation,
  locationBody,
  locationResponse,
  profileBody,
  profileResponse,
  residenceBody,
  tripBody,
  tripIdParams,
  tripList,
  tripResponse,
} from './registrations.schema.ts'
import { createTrip, getTrip, listTrips, removeTrip, updateTrip } from './trip.service.ts'

export const meRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['registrations']
  const me = (request: Parameters<typeof requirePrincipal>[0]) => requirePrincipal(request).userId

  app.get(
    '/api/v1/me/profile',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'My profile', response: { 200: profileResponse } },
    },
    async (request) => getProfile(ctx, me(request)),
  )
  app.put(
    '/api/v1/me/profile',
    routeOptions(SIGNED_IN, tags, 'Merge the fields given into my profile (null clears one)', {
      body: profileBody,
      response: { 200: profileResponse },
    }),
    async (request) => updateProfile(ctx, me(request), request.body),
  )
  app.put(
    '/api/v1/me/residence',
    routeOptions(SIGNED_IN, tags, 'Where I live abroad', {
      body: residenceBody,
      response: { 200: profileResponse },
    }),
    async (request) => setResidence(ctx, me(request), request.body),
  )

  app.get(
    '/api/v1/me/trips',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'My trips', response: { 200: tripList } },
    },
    async (request) => listTrips(ctx, me(request)),
  )
  app.post(
    '/api/v1/me/trips',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Register a trip', body: tripBody, response: { 201: tripResponse } },
    },
    async (request, reply) => reply.status(201).send(await createTrip(ctx, me(request), request.body)),
  )
  app.get(
    '/api/v1/me/trips/:id',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'One of my trips', params: tripIdParams, response: { 200: tripResponse } },
    },
    async (request) => getTrip(ctx, me(request), request.params.id),
  )
  app.put(
    '/api/v1/me/trips/:id',
    routeOptions(SIGNED_IN, tags, 'Change a trip', {
      params: tripIdParams,
      body: tripBody,
      response: { 200: tripResponse },
    }),
    async (request) => updateTrip(ctx, me(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/me/trips/:id',
    routeOptions(SIGNED_IN, tags, 'Remove a trip', { params: tripIdParams }),
    async (request, reply) => {
      await removeTrip(ctx, me(request), request.params.id)
      return reply.status(204).send()
    },
  )

  app.get(
    '/api/v1/me/dependants',
    routeOptions(SIGNED_IN, tags, 'Family members travelling with me', {
      response: { 200: dependantList },
    }),
    async (request) => listDependants(ctx, me(request)),
  )
  app.post(
    '/api/v1/me/dependants',
    routeOptions(SIGNED_IN, tags, 'Add a dependant (at most 20)', {
      body: dependantBody,
      response: { 201: dependantResponse },
    }),
    async (request, reply) => reply.status(201).send(await createDependant(ctx, me(request), request.body)),
  )
  app.get(
    '/api/v1/me/dependants/:id',
    routeOptions(SIGNED_IN, tags, 'One of my dependants', {
      params: dependantIdParams,
      response: { 200: dependantResponse },
    }),
    async (request) => getDependant(ctx, me(request), request.params.id),
  )
  app.put(
    '/api/v1/me/dependants/:id',
    routeOptions(SIGNED_IN, tags, 'Merge the fields given into a dependant (null clears one)', {
      params: dependantIdParams,
      body: dependantChanges,
      response: { 200: dependantResponse },
    }),
    async (request) => changeDependant(ctx, me(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/me/dependants/:id',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Remove a dependant (and from every trip)', params: dependantIdParams },
    },
    async (request, reply) => {
      await removeDependant(ctx, me(request), request.params.id)
      return reply.status(204).send()
    },
  )

  app.put(
    '/api/v1/me/location',
    routeOptions(SIGNED_IN, tags, 'I am here now (calling this is the consent to keep it)', {
      body: locationBody,
      response: { 200: locationResponse },
    }),
    async (request) => recordLocation(ctx, me(request), request.body),
  )
  app.get(
    '/api/v1/me/location',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'My last recorded location', response: { 200: currentLocation } },
    },
    async (request) => getLocation(ctx, me(request)),
  )
  app.delete(
    '/api/v1/me/location',
    routeOptions(SIGNED_IN, tags, 'Forget my location'),
    async (request, reply) => {
      await forgetLocation(ctx, me(request))
      return reply.status(204).send()
    },
  )
}
