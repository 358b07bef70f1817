import { z } from 'zod'
import type { PublishDispatch } from '../../publish/index.ts'
import { createSiteTemplates } from '../../publish/index.ts'
import type { Store } from '../../store/index.ts'
import { type ApiRoute, route, siteParams, siteRef } from '../api-route.ts'
import { templateListSchema, templateSourceSchema } from '../response-schemas.ts'

const templateParams = siteParams
  .extend({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*\.liquid$/)
      .max(80),
  })
  .strict()

/** A site's templates: the theme's files, each replaceable by the site's own edited version. */
export function templateRoutes(store: Store, queue: PublishDispatch, themesRoot?: string): ApiRoute[] {
  const templates = createSiteTemplates(store, themesRoot)

  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/templates',
      summary: 'The site’s templates, those edited for the site marked',
      tag: 'templates',
      access: 'signed-in',
      params: siteParams,
      response: templateListSchema,
      handler: async ({ workspace, params }) => ({
        items: await templates.list(workspace, siteRef(params.site)),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/templates/:name',
      summary: 'A template’s source, and the theme’s own version',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      response: templateSourceSchema,
      handler: async ({ workspace, params }) => templates.get(workspace, siteRef(params.site), params.name),
    }),
    route({
      method: 'PUT',
      url: '/api/sites/:site/templates/:name',
      summary: 'Save the site’s version of a template (site administrators); its pages are republished',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      body: z.object({ source: z.string().max(400_000) }).strict(),
      handler: async ({ workspace, params, body }) =>
        templates.save(workspace, siteRef(params.site), params.name, body.source),
    }),
    route({
      method: 'DELETE',
      url: '/api/sites/:site/templates/:name',
      summary: 'Go back to the theme’s own version of a template (site administrators)',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      handler: async ({ workspace, params }) => {
        await templates.reset(workspace, siteRef(params.site), params.name)
      },
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/templates/:name/preview',
      summary:
        'A page rendered with an edited, unsaved template (site administrators; sandboxed HTML; 503 PREVIEW_BUSY when previews queue up)',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      body: z.object({ source: z.string().max(400_000) }).strict(),
      handler: async ({ workspace, params, body, reply }) => {
        const { articleId, kind } = await templates.preparePreview(
          workspace,
          siteRef(params.site),
          params.name,
          body.source,
        )
        const html = await queue.preview(articleId, { [params.name]: body.source }, kind)
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "sandbox; default-src 'none'; img-src data:; form-action 'none'")
          .header('cache-control', 'no-store')
          .send(html)
      },
    }),
  ]
}
