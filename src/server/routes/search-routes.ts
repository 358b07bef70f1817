import { z } from 'zod'
import {
  PAGE_SIZE,
  replaceSynonymGroups,
  searchSites,
  synonymGroups,
  topSearches,
} from '../../search/index.ts'
import type { Store } from '../../store/index.ts'
import { type ApiRoute, queryNumber, route, siteParams, siteRef } from '../api-route.ts'
import { searchTopSchema, synonymGroupsSchema } from '../small-response-schemas.ts'

const synonymsBody = z.object({ groups: z.array(z.array(z.string().max(100)).max(50)).max(5_000) }).strict()

/** As the public endpoints take it; the service checks the values (searchRequestSchema). */
const searchQuery = z
  .object({
    q: z.string().max(1_000),
    column: queryNumber.positive().optional(),
    from: z.string().max(10).optional(),
    to: z.string().max(10).optional(),
    in: z.enum(['all', 'title']).optional(),
    sort: z.enum(['relevance', 'time']).optional(),
    page: queryNumber.positive().optional(),
    issuingAgency: z.string().max(100).optional(),
    documentNo: z.string().max(100).optional(),
  })
  .strict()

/** The site search in the admin: searching as a visitor does, the synonyms, and what visitors search for. */
export function searchRoutes(store: Store): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/search',
      summary: `Search the published site as a visitor does (${PAGE_SIZE} a page); not counted in the popular searches`,
      tag: 'search',
      access: 'signed-in',
      params: siteParams,
      query: searchQuery,
      handler: async ({ workspace, params, query }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        return searchSites(store, { ...query, siteId: site.id })
      },
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/search/synonyms',
      summary: "The site's synonym groups (社保 ↔ 社会保险)",
      tag: 'search',
      access: 'signed-in',
      params: siteParams,
      response: synonymGroupsSchema,
      handler: async ({ workspace, params }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        return { groups: await synonymGroups(store, site.id) }
      },
    }),
    route({
      method: 'PUT',
      url: '/api/sites/:site/search/synonyms',
      summary: "Replace the site's synonym groups (site administrators)",
      tag: 'search',
      access: 'signed-in',
      params: siteParams,
      body: synonymsBody,
      response: synonymGroupsSchema,
      handler: async ({ workspace, params, body }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        return { groups: await replaceSynonymGroups(store, workspace.principal, site.id, body.groups) }
      },
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/search/top',
      summary: "The last 30 days' most asked searches, and those that found nothing",
      tag: 'search',
      access: 'signed-in',
      params: siteParams,
      response: searchTopSchema,
      handler: async ({ workspace, params }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        return {
          popular: await topSearches(store, site.id, { limit: 20 }),
          foundNothing: await topSearches(store, site.id, { limit: 20, foundNothing: true }),
        }
      },
    }),
  ]
}
