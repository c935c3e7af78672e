import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import {
  publishedRegion,
  regionDetail,
  regionDraftBody,
  regionDraftResponse,
  regionParams,
} from './region.schema.ts'
import {
  getRegion,
  getRegionDraft,
  publishRegionDraft,
  retireRegion,
  saveRegionDraft,
} from './region.service.ts'

/** Region advisories: drafted and published like a country's, under the country's path. */
export const regionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['advisories']
  const path = '/api/v1/advisories/:country/regions/:regionKey'

  app.get(
    path,
    routeOptions('public', tags, 'One region of a country: level, advice, area, history', {
      params: regionParams,
      response: { 200: regionDetail },
    }),
    async (request) => getRegion(ctx, request.params.country, request.params.regionKey),
  )
  app.get(
    `${path}/draft`,
    routeOptions(ACCESS.officers, tags, 'The open draft of a region', {
      params: regionParams,
      response: { 200: regionDraftResponse },
    }),
    async (request) =>
      getRegionDraft(ctx, requirePrincipal(request), request.params.country, request.params.regionKey),
  )
  app.put(
    path,
    routeOptions(
      ACCESS.officers,
      tags,
      'Write the draft of a region (officers of missions covering the country, duty officers)',
      {
        params: regionParams,
        body: regionDraftBody,
        response: { 200: regionDraftResponse },
      },
    ),
    async (request) =>
      saveRegionDraft(
        ctx,
        requirePrincipal(request),
        request.params.country,
        request.params.regionKey,
        request.body,
      ),
  )
  app.post(
    `${path}/publish`,
    routeOptions(
      ACCESS.dutyOfficers,
      tags,
      "Publish a region's draft; notify the country's subscribers and the people inside the region",
      {
        params: regionParams,
        response: { 200: publishedRegion },
      },
    ),
    async (request) =>
      publishRegionDraft(ctx, requirePrincipal(request), request.params.country, request.params.regionKey),
  )
  app.delete(
    path,
    routeOptions(
      ACCESS.dutyOfficers,
      tags,
      'Retire a region advisory (published and notified like any change)',
      {
        params: regionParams,
        response: { 200: publishedRegion },
      },
    ),
    async (request) =>
      retireRegion(ctx, requirePrincipal(request), request.params.country, request.params.regionKey),
  )
}
