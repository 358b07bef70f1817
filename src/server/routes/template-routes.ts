import { z } from 'zod'
import { InvalidStateError, NotFoundError } from '../../errors/index.ts'
import { checkTemplate, loadTheme, recordTemplateChange } from '../../publish/index.ts'
import type { Store } from '../../store/index.ts'
import { type ApiRoute, route, siteParams, siteRef } from '../api-route.ts'
import type { PublishQueue } from '../publish-queue.ts'

const templateParams = siteParams
  .extend({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*\.liquid$/)
      .max(80),
  })
  .strict()

/** A site's templates: the theme's files, each replaceable by the site's own edited version. */
export function templateRoutes(store: Store, queue: PublishQueue, themesRoot?: string): ApiRoute[] {
  const themeOf = (theme: string) => loadTheme(theme, themesRoot)
  const edited = (siteId: number) =>
    store.db.selectFrom('site_templates').selectAll().where('site_id', '=', siteId).execute()
  const requireName = (templates: Readonly<Record<string, string>>, name: string) => {
    const source = templates[name]
    if (source === undefined) throw new NotFoundError('template', name)
    return source
  }

  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/templates',
      summary: 'The site’s templates, those edited for the site marked',
      tag: 'templates',
      access: 'signed-in',
      params: siteParams,
      handler: async ({ workspace, params }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        const own = new Map((await edited(site.id)).map((row) => [row.name, row.updated_at]))
        const items = Object.keys(themeOf(site.theme).templates)
          .sort()
          .map((name) => ({ name, isCustomized: own.has(name), updatedAt: own.get(name) ?? null }))
        return { items }
      },
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/templates/:name',
      summary: 'A template’s source, and the theme’s own version',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      handler: async ({ workspace, params }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        const defaultSource = requireName(themeOf(site.theme).templates, params.name)
        const own = (await edited(site.id)).find((row) => row.name === params.name)
        return {
          name: params.name,
          source: own?.source ?? defaultSource,
          defaultSource,
          isCustomized: Boolean(own),
        }
      },
    }),
    route({
      method: 'PUT',
      url: '/api/sites/:site/templates/:name',
      summary: 'Save the site’s version of a template (site administrators); its pages are republished',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      body: z.object({ source: z.string().max(400_000) }).strict(),
      handler: async ({ workspace, params, body, session }) => {
        const site = await workspace.requireSiteAdministrator(siteRef(params.site))
        requireName(themeOf(site.theme).templates, params.name)
        checkTemplate(body.source)
        const now = new Date().toISOString()
        await store.db
          .insertInto('site_templates')
          .values({
            site_id: site.id,
            name: params.name,
            source: body.source,
            updated_by: session.user.userName,
            updated_at: now,
          })
          .onConflict((conflict) =>
            conflict
              .columns(['site_id', 'name'])
              .doUpdateSet({ source: body.source, updated_by: session.user.userName, updated_at: now }),
          )
          .execute()
        await recordTemplateChange(store, site.id, params.name)
        await workspace.audit.record('template.save', 'template', `${site.id}:${params.name}`, {
          bytes: body.source.length,
        })
        return { name: params.name, isCustomized: true, updatedAt: now }
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/sites/:site/templates/:name',
      summary: 'Go back to the theme’s own version of a template (site administrators)',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      handler: async ({ workspace, params }) => {
        const site = await workspace.requireSiteAdministrator(siteRef(params.site))
        const deleted = await store.db
          .deleteFrom('site_templates')
          .where('site_id', '=', site.id)
          .where('name', '=', params.name)
          .executeTakeFirst()
        if (deleted.numDeletedRows > 0n) {
          await recordTemplateChange(store, site.id, params.name)
          await workspace.audit.record('template.revert', 'template', `${site.id}:${params.name}`, {})
        }
      },
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/templates/:name/preview',
      summary: 'A page rendered with an edited, unsaved template (sandboxed HTML)',
      tag: 'templates',
      access: 'signed-in',
      params: templateParams,
      body: z.object({ source: z.string().max(400_000) }).strict(),
      handler: async ({ workspace, params, body, reply }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        requireName(themeOf(site.theme).templates, params.name)
        checkTemplate(body.source)
        const sample = await store.db
          .selectFrom('articles')
          .select('id')
          .where('site_id', '=', site.id)
          .where('deleted_at', 'is', null)
          .orderBy((eb) => eb.case().when('status', '=', 'published').then(0).else(1).end())
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst()
        if (!sample) {
          throw new InvalidStateError({
            zh: '站点还没有文章，无法预览',
            en: 'the site has no article to preview with',
          })
        }
        const html = await queue.preview(
          sample.id,
          { [params.name]: body.source },
          params.name === 'print.liquid' ? 'print' : 'article',
        )
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "sandbox; default-src 'none'; img-src data:; form-action 'none'")
          .header('cache-control', 'no-store')
          .send(html)
      },
    }),
  ]
}
