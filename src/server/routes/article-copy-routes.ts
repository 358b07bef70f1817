import { join } from 'node:path'
import { z } from 'zod'
import { copyStoredUploads } from '../../uploads/index.ts'
import { type ApiRoute, idParams, route } from '../api-route.ts'

export interface ArticleCopySettings {
  /** The folder a site's published files live in; uploads go under its `uploads/`. */
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
}

const copyBody = z.object({ columnId: z.number().int().positive().max(2_147_483_647) }).strict()

/**
 * 复制: the copy is made (and its rights checked and audited) by the content services; a
 * copy into another site also needs the pictures and attachments its body and fields point
 * to, which live in the source site's uploads folder.
 */
export function articleCopyRoutes(settings: ArticleCopySettings): ApiRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/articles/:id/copy',
      summary: 'Copy (复制) an article as a new draft into a column of this site or another',
      tag: 'articles',
      access: 'signed-in',
      params: idParams,
      body: copyBody,
      status: 201,
      handler: async ({ workspace, params, body }) => {
        const copy = await workspace.articles.copy(params.id, { columnId: body.columnId })
        const source = await workspace.articles.get(params.id)
        if (source.siteId !== copy.siteId) {
          const [from, to] = await Promise.all([
            workspace.sites.get(source.siteId),
            workspace.sites.get(copy.siteId),
          ])
          await copyStoredUploads(
            join(settings.outputRootFor(from.slug, from.outputPrefix), 'uploads'),
            join(settings.outputRootFor(to.slug, to.outputPrefix), 'uploads'),
            [copy.bodyHtml, copy.coverImage ?? '', ...copy.attachments.map((file) => file.url)],
          )
        }
        return copy
      },
    }),
  ]
}
