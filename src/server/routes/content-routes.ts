import { z } from 'zod'
import {
  articleInputSchema,
  articlePatchSchema,
  articleStatuses,
  columnInputSchema,
  columnMoveSchema,
  columnPatchSchema,
  type Site,
  siteInputSchema,
  sitePatchSchema,
} from '../../content/index.ts'
import { NotFoundError } from '../../errors/index.ts'
import { type ApiRoute, idParams, queryFlag, queryNumber, route, siteParams, siteRef } from '../api-route.ts'
import { articleSchema, revisionDiffSchema, revisionListSchema } from '../article-response-schemas.ts'
import {
  articleListSchema,
  columnSchema,
  columnTreeSchema,
  siteListSchema,
  siteSchema,
  siteSettingsSchema,
} from '../response-schemas.ts'
import { purgeResultSchema } from '../small-response-schemas.ts'

const revisionParams = idParams.extend({ revision: z.coerce.number().int().positive().max(2_147_483_647) })

const articleListQuery = z
  .object({
    site: z.string().min(1).max(64),
    columnId: queryNumber.positive().optional(),
    includesDescendants: queryFlag.optional(),
    status: z.enum(articleStatuses).optional(),
    text: z.string().max(100).optional(),
    createdBy: z.string().max(100).optional(),
    from: z.string().max(10).optional(),
    to: z.string().max(10).optional(),
    sort: z.enum(['default', 'publishAt', 'updatedAt', 'createdAt', 'title', 'id']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    deleted: queryFlag.optional(),
    limit: queryNumber.min(1).max(500).optional(),
    offset: queryNumber.min(0).max(10_000_000).optional(),
  })
  .strict()

/** A reviewer's reason to let 禁用 words through (WORDING_BLOCKED otherwise); audited with the hits. */
const overrideReason = z.string().trim().min(1).max(2000).optional()
const overrideBody = z.object({ overrideReason }).strict().optional()
const articleOrderSchema = z
  .object({ articleIds: z.array(z.number().int().positive().max(2_147_483_647)).max(200) })
  .strict()

export interface PreviewSettings {
  /** The page, with `<base href>` to the site's public address put in by its renderer. */
  readonly render: (articleId: number, baseHref: string) => Promise<string>
  /** Where the site's styles, images and links are served publicly: the preview loads them from there. */
  readonly publicOriginFor: (site: Site) => string
}

export function contentRoutes(preview: PreviewSettings): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/sites',
      summary: 'The sites the user may see',
      tag: 'sites',
      access: 'signed-in',
      response: siteListSchema,
      handler: async ({ workspace }) => ({ items: await workspace.sites.list() }),
    }),
    route({
      method: 'POST',
      url: '/api/sites',
      summary: 'Create a site (system administrators)',
      tag: 'sites',
      access: 'signed-in',
      body: siteInputSchema,
      status: 201,
      response: siteSettingsSchema,
      handler: async ({ workspace, body }) => workspace.sites.create(body),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site',
      summary: 'A site by id or slug',
      tag: 'sites',
      access: 'signed-in',
      params: siteParams,
      response: siteSchema,
      handler: async ({ workspace, params }) => workspace.sites.get(siteRef(params.site)),
    }),
    route({
      method: 'PATCH',
      url: '/api/sites/:site',
      summary: 'Change a site’s settings',
      tag: 'sites',
      access: 'signed-in',
      params: siteParams,
      body: sitePatchSchema,
      response: siteSettingsSchema,
      handler: async ({ workspace, params, body }) => workspace.sites.update(siteRef(params.site), body),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/columns',
      summary: 'The site’s column tree, each column with what the user may do in it (allowedActions)',
      tag: 'columns',
      access: 'signed-in',
      params: siteParams,
      response: columnTreeSchema,
      handler: async ({ workspace, params }) => ({
        roots: await workspace.columns.treeWithActions(siteRef(params.site)),
      }),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/columns/order',
      summary: 'Put the children of a column (or the top level) in order',
      tag: 'columns',
      access: 'signed-in',
      params: siteParams,
      body: z
        .object({
          parentId: z.number().int().positive().nullable(),
          orderedIds: z.array(z.number().int().positive()).max(1000),
        })
        .strict(),
      handler: async ({ workspace, params, body }) => {
        await workspace.columns.reorder(siteRef(params.site), body.parentId, body.orderedIds)
      },
    }),
    route({
      method: 'POST',
      url: '/api/columns',
      summary: 'Create a column',
      tag: 'columns',
      access: 'signed-in',
      body: columnInputSchema,
      status: 201,
      handler: async ({ workspace, body }) => workspace.columns.create(body),
    }),
    route({
      method: 'GET',
      url: '/api/columns/:id',
      summary: 'A column',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      response: columnSchema,
      handler: async ({ workspace, params }) => workspace.columns.get(params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/columns/:id',
      summary: 'Change a column',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      body: columnPatchSchema,
      handler: async ({ workspace, params, body }) => workspace.columns.update(params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/columns/:id/move',
      summary: 'Move a column under another parent (no cycles)',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      body: columnMoveSchema,
      handler: async ({ workspace, params, body }) => workspace.columns.move(params.id, body),
    }),
    route({
      method: 'DELETE',
      url: '/api/columns/:id',
      summary: 'Move an empty column to the recycle bin',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      handler: async ({ workspace, params }) => workspace.columns.delete(params.id),
    }),
    route({
      method: 'POST',
      url: '/api/columns/:id/restore',
      summary: 'Restore a column from the recycle bin',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      handler: async ({ workspace, params }) => workspace.columns.restore(params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/columns/:id/pinned-order',
      summary: '置顶排序: the listed articles come first in the column’s lists, in this order',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      body: z
        .object({ articleIds: z.array(z.number().int().positive().max(2_147_483_647)).max(500) })
        .strict(),
      handler: async ({ workspace, params, body }) => ({
        articleIds: await workspace.articles.orderPinned(params.id, body.articleIds),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/columns/:id/order',
      summary: '排序: the column’s articles in the order an editor gave them',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      response: articleOrderSchema,
      handler: async ({ workspace, params }) => ({
        articleIds: [...(await workspace.articles.manualOrder(params.id))],
      }),
    }),
    route({
      method: 'PUT',
      url: '/api/columns/:id/order',
      summary: '排序: the listed articles follow the pinned ones on the column’s newest page, in this order',
      tag: 'columns',
      access: 'signed-in',
      params: idParams,
      body: articleOrderSchema,
      response: articleOrderSchema,
      handler: async ({ workspace, params, body }) => ({
        articleIds: [...(await workspace.articles.orderManually(params.id, body.articleIds))],
      }),
    }),
    route({
      method: 'GET',
      url: '/api/articles',
      summary: 'Articles of a site: filters, paging and a fixed set of sort fields',
      tag: 'articles',
      access: 'signed-in',
      query: articleListQuery,
      response: articleListSchema,
      handler: async ({ workspace, query }) => {
        const { site, deleted, ...rest } = query
        const { items, total } = await workspace.articles.list({
          ...rest,
          site: siteRef(site),
          isDeleted: deleted ?? false,
          withBodies: false,
        })
        // A list shows no body (the editor reads the article whole): twenty bodies of about
        // 2,000 Chinese characters were nine tenths of a page's 190 KB, read, written and
        // parsed on every request.
        return { items: items.map(({ bodyHtml: _body, ...summary }) => summary), total }
      },
    }),
    route({
      method: 'POST',
      url: '/api/articles',
      summary: 'Create a draft article',
      tag: 'articles',
      access: 'signed-in',
      body: articleInputSchema,
      status: 201,
      handler: async ({ workspace, body }) => workspace.articles.create(body),
    }),
    route({
      method: 'GET',
      url: '/api/articles/:id',
      summary: 'An article',
      tag: 'articles',
      access: 'signed-in',
      params: idParams,
      response: articleSchema,
      handler: async ({ workspace, params }) => workspace.articles.get(params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/articles/:id',
      summary: 'Save changed fields; 409 VERSION_CONFLICT unless baseRevision is the latest',
      tag: 'articles',
      access: 'signed-in',
      params: idParams,
      body: articlePatchSchema,
      handler: async ({ workspace, params, body }) => workspace.articles.update(params.id, body),
    }),
    route({
      method: 'DELETE',
      url: '/api/articles/:id',
      summary: 'Move an article to the recycle bin',
      tag: 'articles',
      access: 'signed-in',
      params: idParams,
      handler: async ({ workspace, params }) => workspace.articles.delete(params.id),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/restore',
      summary: 'Restore an article from the recycle bin',
      tag: 'articles',
      access: 'signed-in',
      params: idParams,
      handler: async ({ workspace, params }) => workspace.articles.restore(params.id),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/submit',
      summary: 'Submit for review (or publish, in a column without review)',
      tag: 'workflow',
      access: 'signed-in',
      params: idParams,
      body: overrideBody,
      handler: async ({ workspace, params, body }) => workspace.articles.submit(params.id, body ?? {}),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/recall',
      summary: 'Recall (撤回) an article waiting for its first review back to draft: its submitter',
      tag: 'workflow',
      access: 'signed-in',
      params: idParams,
      handler: async ({ workspace, params }) => workspace.articles.recall(params.id),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/approve',
      summary: 'Approve at the level the article waits for',
      tag: 'workflow',
      access: 'signed-in',
      params: idParams,
      body: z.object({ level: z.number().int().min(1).max(3), overrideReason }).strict(),
      handler: async ({ workspace, params, body }) =>
        workspace.articles.approve(params.id, body.level, { overrideReason: body.overrideReason }),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/reject',
      summary: 'Return to the author with a comment',
      tag: 'workflow',
      access: 'signed-in',
      params: idParams,
      body: z.object({ comment: z.string().max(2000) }).strict(),
      handler: async ({ workspace, params, body }) => workspace.articles.reject(params.id, body.comment),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/publish',
      summary: 'Publish directly, without review (site administrators)',
      tag: 'workflow',
      access: 'signed-in',
      params: idParams,
      body: overrideBody,
      handler: async ({ workspace, params, body }) => workspace.articles.publish(params.id, body ?? {}),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/withdraw',
      summary: 'Withdraw (撤稿) with a reason: the page goes, lists are refreshed',
      tag: 'workflow',
      access: 'signed-in',
      params: idParams,
      body: z.object({ reason: z.string().max(500) }).strict(),
      handler: async ({ workspace, params, body }) => workspace.articles.withdraw(params.id, body.reason),
    }),
    route({
      method: 'PUT',
      url: '/api/articles/:id/unpublish-at',
      summary: 'Schedule (or with null, cancel) the article’s withdrawal',
      tag: 'workflow',
      access: 'signed-in',
      params: idParams,
      body: z.object({ at: z.string().max(40).nullable() }).strict(),
      handler: async ({ workspace, params, body }) =>
        workspace.articles.scheduleUnpublish(params.id, body.at),
    }),
    route({
      method: 'POST',
      url: '/api/recycle-bin/purge',
      summary:
        'Remove for good what has been in the recycle bin longer than the retention (system administrators)',
      tag: 'articles',
      access: 'signed-in',
      body: z.object({ olderThanDays: z.number().int().min(0).max(36_500).optional() }).strict(),
      response: purgeResultSchema,
      handler: async ({ workspace, body }) => workspace.recycleBin.purge(body.olderThanDays),
    }),
    route({
      method: 'GET',
      url: '/api/articles/:id/preview',
      summary: 'The article as it stands now (a draft too) in its site’s theme, as HTML',
      tag: 'articles',
      access: 'signed-in',
      params: idParams,
      handler: async ({ workspace, params, reply }) => {
        const article = await workspace.articles.get(params.id)
        const site = await workspace.sites.get(article.siteId)
        const origin = new URL(preview.publicOriginFor(site)).origin
        const html = await preview.render(article.id, `${origin}/`)
        // A sandboxed page has an origin of its own and runs no script: whatever the
        // (untrusted) template wrote cannot act with the editor's session on this origin.
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            `sandbox allow-popups; default-src 'none'; style-src ${origin}; img-src ${origin} data:; font-src ${origin}; media-src ${origin}; base-uri ${origin}; form-action 'none'; frame-ancestors 'self'`,
          )
          .header('x-frame-options', 'SAMEORIGIN')
          .header('cache-control', 'no-store')
          .send(html)
      },
    }),
    route({
      method: 'GET',
      url: '/api/articles/:id/live',
      summary: 'Redirect to the article’s page on the public site (404 until it is published)',
      tag: 'articles',
      access: 'signed-in',
      params: idParams,
      handler: async ({ workspace, params, reply }) => {
        const article = await workspace.articles.get(params.id)
        if (article.status !== 'published' || article.urlPath === null) {
          throw new NotFoundError('livePage', params.id)
        }
        const site = await workspace.sites.get(article.siteId)
        const base = preview.publicOriginFor(site).replace(/\/*$/, '/')
        return reply.redirect(new URL(article.urlPath, base).href, 302)
      },
    }),
    route({
      method: 'GET',
      url: '/api/articles/:id/revisions',
      summary: 'The article’s revisions, newest first',
      tag: 'revisions',
      access: 'signed-in',
      params: idParams,
      response: revisionListSchema,
      handler: async ({ workspace, params }) => ({ items: await workspace.articles.revisions(params.id) }),
    }),
    route({
      method: 'GET',
      url: '/api/articles/:id/revisions/:revision',
      summary: 'One revision’s content',
      tag: 'revisions',
      access: 'signed-in',
      params: revisionParams,
      handler: async ({ workspace, params }) => workspace.articles.revision(params.id, params.revision),
    }),
    route({
      method: 'POST',
      url: '/api/articles/:id/revisions/:revision/restore',
      summary: 'Make an old revision the newest',
      tag: 'revisions',
      access: 'signed-in',
      params: revisionParams,
      body: z.object({ baseRevision: z.number().int().positive() }).strict(),
      handler: async ({ workspace, params, body }) =>
        workspace.articles.restoreRevision(params.id, params.revision, body.baseRevision),
    }),
    route({
      method: 'GET',
      url: '/api/articles/:id/diff',
      summary: 'What changed between two revisions',
      tag: 'revisions',
      access: 'signed-in',
      params: idParams,
      query: z.object({ from: queryNumber.positive(), to: queryNumber.positive() }).strict(),
      response: revisionDiffSchema,
      handler: async ({ workspace, params, query }) =>
        workspace.articles.diff(params.id, query.from, query.to),
    }),
  ]
}
