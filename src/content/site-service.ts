import type { Insertable } from 'kysely'
import type { z } from 'zod'
import { AlreadyExistsError, NotFoundError, ValidationError } from '../errors/index.ts'
import type { SiteRow, SitesTable, Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import { recordChange } from './change-log.ts'
import { isRecordId } from './record-id.ts'
import { perform, type ServiceContext } from './service-context.ts'
import { type SiteInput, type SitePatch, siteInputSchema, sitePatchSchema } from './site-inputs.ts'
import { validateInput } from './validate-input.ts'

export interface Site {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly baseUrl: string
  readonly language: 'zh-CN' | 'en'
  readonly timeZone: string
  readonly outputPrefix: string
  readonly theme: string
  /** 机构代码: the first part of every 索引号 of the site. */
  readonly orgCode: string
  /** 网站标识码 */
  readonly siteIdCode: string
  /** ICP备案号 */
  readonly icp: string
  /** 公安备案号 */
  readonly policeRecord: string
  /** 主办单位 */
  readonly sponsor: string
  readonly contact: string
  /** Where an article's page goes when first published; URLs already given never change. */
  readonly articleUrlPattern: string
  /** The other sites of the installation find its pages in their search (站群). */
  readonly sharesSearch: boolean
  /** Drawn on the pictures uploaded into the site; empty: none. */
  readonly watermark: string
  readonly createdAt: string
  readonly updatedAt: string
}

export type SiteRef = number | string

export interface SiteService {
  list(): Promise<readonly Site[]>
  /** By id or by slug. */
  get(ref: SiteRef): Promise<Site>
  create(actor: Actor, input: SiteInput): Promise<Site>
  update(actor: Actor, ref: SiteRef, patch: SitePatch): Promise<Site>
}

export function siteService(ctx: ServiceContext): SiteService {
  const { db } = ctx.store
  return {
    async list() {
      return (await db.selectFrom('sites').selectAll().orderBy('id').execute()).map(toSite)
    },

    async get(ref) {
      return toSite(await findSite(ctx.store.db, ref))
    },

    create(actor, input) {
      return perform(ctx, actor, 'site.create', { type: 'site' }, async (tx, now) => {
        const values = validateInput(siteInputSchema, input)
        assertThemeExists(ctx, values.theme)
        await assertSlugFree(tx, values.slug)
        const row = await tx
          .insertInto('sites')
          .values({ ...siteColumns(values), created_at: now, updated_at: now })
          .returningAll()
          .executeTakeFirstOrThrow()
        await recordChange(tx, { siteId: row.id, entity: 'site', entityId: row.id, action: 'create' }, now)
        return { value: toSite(row), targetId: row.id, detail: { slug: row.slug } }
      })
    },

    update(actor, ref, patch) {
      return perform(ctx, actor, 'site.update', { type: 'site', id: ref }, async (tx, now) => {
        const site = await findSite(tx, ref)
        const values = validateInput(sitePatchSchema, patch)
        assertThemeExists(ctx, values.theme)
        if (values.slug !== undefined && values.slug !== site.slug) await assertSlugFree(tx, values.slug)
        const row = await tx
          .updateTable('sites')
          .set({ ...siteColumns(values), updated_at: now })
          .where('id', '=', site.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        await recordChange(tx, { siteId: site.id, entity: 'site', entityId: site.id, action: 'update' }, now)
        return { value: toSite(row), targetId: site.id, detail: { fields: Object.keys(values) } }
      })
    },
  }
}

type Reader = Pick<Tx, 'selectFrom'>

/** The table's columns for the fields given; in a patch, a field left out stays undefined. */
function siteColumns(values: z.output<typeof siteInputSchema>): SiteColumns
function siteColumns(values: z.output<typeof sitePatchSchema>): Partial<SiteColumns>
function siteColumns(values: z.output<typeof sitePatchSchema>): Partial<SiteColumns> {
  return {
    slug: values.slug,
    name: values.name,
    base_url: values.baseUrl,
    language: values.language,
    time_zone: values.timeZone,
    output_prefix: values.outputPrefix,
    theme: values.theme,
    org_code: values.orgCode,
    site_id_code: values.siteIdCode,
    icp: values.icp,
    police_record: values.policeRecord,
    sponsor: values.sponsor,
    contact: values.contact,
    article_url_pattern: values.articleUrlPattern,
    shares_search: values.sharesSearch,
    watermark: values.watermark,
  }
}

type SiteColumns = Required<Omit<Insertable<SitesTable>, 'id' | 'created_at' | 'updated_at'>>

export async function findSite(db: Reader, ref: SiteRef): Promise<SiteRow> {
  const query = db.selectFrom('sites').selectAll()
  const byId = typeof ref === 'number' || /^\d+$/.test(ref)
  if (byId && !isRecordId(Number(ref))) throw new NotFoundError('site', ref)
  const row = await (byId
    ? query.where('id', '=', Number(ref))
    : query.where('slug', '=', ref)
  ).executeTakeFirst()
  if (!row) throw new NotFoundError('site', ref)
  return row
}

/** A theme publishing would not find fails every publish of the site; refuse it on save. */
function assertThemeExists(ctx: ServiceContext, theme: string | undefined): void {
  if (theme === undefined || ctx.options.themeExists(theme)) return
  throw new ValidationError('theme', `主题不存在：${theme}`, `no such theme: ${theme}`)
}

async function assertSlugFree(tx: Tx, slug: string): Promise<void> {
  const taken = await tx.selectFrom('sites').select('id').where('slug', '=', slug).executeTakeFirst()
  if (taken) throw new AlreadyExistsError('slug', slug)
}

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    baseUrl: row.base_url,
    language: row.language === 'en' ? 'en' : 'zh-CN',
    timeZone: row.time_zone,
    outputPrefix: row.output_prefix,
    theme: row.theme,
    orgCode: row.org_code,
    siteIdCode: row.site_id_code,
    icp: row.icp,
    policeRecord: row.police_record,
    sponsor: row.sponsor,
    contact: row.contact,
    articleUrlPattern: row.article_url_pattern,
    sharesSearch: row.shares_search === true || row.shares_search === 1,
    watermark: row.watermark,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
