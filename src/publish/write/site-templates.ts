import { appendAudit, type SiteRef, type Workspace } from '../../content/index.ts'
import { InvalidStateError, NotFoundError } from '../../errors/index.ts'
import type { Store } from '../../store/index.ts'
import { checkTemplate } from '../render/check-template.ts'
import { loadTheme, type Theme } from '../render/theme.ts'
import { recordTemplateChange } from './record-template-change.ts'

export interface TemplateSummary {
  readonly name: string
  readonly isCustomized: boolean
  readonly updatedAt: string | null
}

/** A site's own version of a theme template, as stored. */
export interface StoredTemplate {
  readonly name: string
  readonly updatedAt: string
  readonly updatedBy: string
}

export interface TemplateSource {
  readonly name: string
  readonly source: string
  readonly defaultSource: string
  readonly isCustomized: boolean
}

/** What a template preview renders: the newest article of the site, as its page or print view. */
export interface TemplatePreview {
  readonly articleId: number
  readonly kind: 'article' | 'print'
}

export interface SiteTemplates {
  /** The theme's templates, those the site edited marked (readers of the site). */
  list(workspace: Workspace, site: SiteRef): Promise<readonly TemplateSummary[]>
  /** The site's stored templates, with who saved them last (site administrators). */
  stored(workspace: Workspace, site: SiteRef): Promise<readonly StoredTemplate[]>
  get(workspace: Workspace, site: SiteRef, name: string): Promise<TemplateSource>
  /** Saves the site's version (site administrators): template, change and audit in one transaction. */
  save(workspace: Workspace, site: SiteRef, name: string, source: string): Promise<TemplateSummary>
  /** Deletes the site's version so the theme's file is used again; false if there was none. */
  reset(workspace: Workspace, site: SiteRef, name: string): Promise<boolean>
  /**
   * Checks an edited template and picks the article to preview it with. Previewing runs the
   * template, so it takes the right to edit templates (site administrators), as saving does.
   */
  preparePreview(workspace: Workspace, site: SiteRef, name: string, source: string): Promise<TemplatePreview>
}

/**
 * The templates a site edited in the admin, standing in for its theme's files. The theme's
 * files are the list of what exists: a site can edit those, never add others.
 */
export function createSiteTemplates(store: Store, themesRoot?: string): SiteTemplates {
  const themeOf = (name: string): Theme => loadTheme(name, themesRoot)
  const requireName = (theme: Theme, name: string): string => {
    const source = theme.templates[name]
    if (source === undefined) throw new NotFoundError('template', name)
    return source
  }
  const storedRows = (siteId: number) =>
    store.db
      .selectFrom('site_templates')
      .select(['name', 'source', 'updated_at', 'updated_by'])
      .where('site_id', '=', siteId)
      .orderBy('name')
      .execute()

  return {
    async list(workspace, ref) {
      const site = await workspace.requireReader(ref)
      const own = new Map((await storedRows(site.id)).map((row) => [row.name, row.updated_at]))
      return Object.keys(themeOf(site.theme).templates)
        .sort()
        .map((name) => ({ name, isCustomized: own.has(name), updatedAt: own.get(name) ?? null }))
    },

    async stored(workspace, ref) {
      const site = await workspace.requireSiteAdministrator(ref)
      return (await storedRows(site.id)).map((row) => ({
        name: row.name,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      }))
    },

    async get(workspace, ref, name) {
      const site = await workspace.requireReader(ref)
      const defaultSource = requireName(themeOf(site.theme), name)
      const own = (await storedRows(site.id)).find((row) => row.name === name)
      return { name, source: own?.source ?? defaultSource, defaultSource, isCustomized: Boolean(own) }
    },

    async save(workspace, ref, name, source) {
      const site = await workspace.requireSiteAdministrator(ref)
      requireName(themeOf(site.theme), name)
      checkTemplate(source)
      const { actor } = workspace.principal
      const now = new Date().toISOString()
      await store.transaction(async (tx) => {
        await tx
          .insertInto('site_templates')
          .values({ site_id: site.id, name, source, updated_by: actor.name, updated_at: now })
          .onConflict((conflict) =>
            conflict
              .columns(['site_id', 'name'])
              .doUpdateSet({ source, updated_by: actor.name, updated_at: now }),
          )
          .execute()
        await recordTemplateChange(tx, site.id, name)
        await appendAudit(
          store,
          tx,
          {
            actor,
            action: 'template.save',
            targetType: 'template',
            targetId: `${site.id}:${name}`,
            outcome: 'success',
            detail: { bytes: source.length },
          },
          now,
        )
      })
      return { name, isCustomized: true, updatedAt: now }
    },

    async reset(workspace, ref, name) {
      const site = await workspace.requireSiteAdministrator(ref)
      requireName(themeOf(site.theme), name)
      const { actor } = workspace.principal
      const now = new Date().toISOString()
      return store.transaction(async (tx) => {
        const deleted = await tx
          .deleteFrom('site_templates')
          .where('site_id', '=', site.id)
          .where('name', '=', name)
          .executeTakeFirst()
        if (deleted.numDeletedRows === 0n) return false
        await recordTemplateChange(tx, site.id, name)
        await appendAudit(
          store,
          tx,
          {
            actor,
            action: 'template.revert',
            targetType: 'template',
            targetId: `${site.id}:${name}`,
            outcome: 'success',
            detail: {},
          },
          now,
        )
        return true
      })
    },

    async preparePreview(workspace, ref, name, source) {
      const site = await workspace.requireSiteAdministrator(ref)
      requireName(themeOf(site.theme), name)
      checkTemplate(source)
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
      return { articleId: sample.id, kind: name === 'print.liquid' ? 'print' : 'article' }
    },
  }
}
