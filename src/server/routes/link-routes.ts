import type { LinkReports } from '../../checks/index.ts'
import { type ApiRoute, idParams, route, siteParams, siteRef } from '../api-route.ts'
import { linkingPageListSchema } from '../article-response-schemas.ts'
import { brokenLinkListSchema } from '../response-schemas.ts'

/** Links: who links to an article, what a publish run found broken, the external link report. */
export function linkRoutes(links: LinkReports): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/articles/:id/linked-from',
      summary: 'The published pages that link to the article (asked before deleting or withdrawing it)',
      tag: 'checks',
      access: 'signed-in',
      params: idParams,
      response: linkingPageListSchema,
      handler: async ({ workspace, params }) => ({
        items: await links.linkedFrom(workspace.principal, params.id),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/publish-runs/:id/broken-links',
      summary:
        "Internal links and images of a run's pages that lead to no file, with the page and the editor",
      tag: 'checks',
      access: 'signed-in',
      params: idParams,
      response: brokenLinkListSchema,
      handler: async ({ workspace, params }) => ({
        items: await links.brokenLinks(workspace.principal, params.id),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/links/external',
      summary:
        'The latest external link check: broken and redirected links per article (null before the first)',
      tag: 'checks',
      access: 'signed-in',
      params: siteParams,
      handler: async ({ workspace, params }) => ({
        report: await links.latestExternal(workspace.principal, siteRef(params.site)),
      }),
    }),
  ]
}
