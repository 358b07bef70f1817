import {
  canManageSite,
  canReadSite,
  findSite,
  loadColumnTree,
  lockSite,
  type Principal,
  perform,
  recordChange,
  recordRefusal,
  type ServiceContext,
  type SiteRef,
  validateInput,
} from '../content/index.ts'
import { AlreadyExistsError, ForbiddenError, NotFoundError, ValidationError } from '../errors/index.ts'
import type { Tx } from '../store/index.ts'
import { type Topic, topicsOf, toTopic } from './topic.ts'
import { type TopicInput, type TopicPatch, topicInputSchema, topicPatchSchema } from './topic-inputs.ts'
import { TOPIC_STARTERS, type TopicStarter } from './topic-starters.ts'

export interface Topics {
  readonly starters: readonly TopicStarter[]
  /** The site's 专题: anyone who works in the site. */
  list(principal: Principal, site: SiteRef): Promise<readonly Topic[]>
  /** 新建专题 from a starter, with its sub-columns, in one transaction: the site's administrators. */
  create(principal: Principal, input: TopicInput): Promise<Topic>
  /** A new banner or template set: the site's administrators. */
  update(principal: Principal, id: number, patch: TopicPatch): Promise<Topic>
}

/**
 * 专题 (special topics): a column of kind `topic` with a banner and a template set, and
 * ordinary list columns below it. Editors write in the sub-columns, and quote (引用) articles
 * of other columns into them, as in any column; only the topic itself is set up here.
 */
export function createTopics(ctx: ServiceContext): Topics {
  const { store } = ctx

  async function requireManager(principal: Principal, siteId: number, action: string, id: string | number) {
    if (!canReadSite(principal.access, siteId))
      await refuse(principal, action, id, new NotFoundError('site', siteId))
    if (!canManageSite(principal.access, siteId))
      await refuse(
        principal,
        action,
        id,
        new ForbiddenError('管理此站点的专题', 'manage the topics of this site'),
      )
  }

  async function refuse(
    principal: Principal,
    action: string,
    id: string | number,
    error: Error,
  ): Promise<never> {
    await recordRefusal(store, principal.actor, action, { type: 'column', id }, error, ctx.now())
    throw error
  }

  return {
    starters: TOPIC_STARTERS,

    async list(principal, siteRef) {
      const site = await findSite(store.db, siteRef)
      if (!canReadSite(principal.access, site.id))
        await refuse(principal, 'topic.list', site.id, new NotFoundError('site', siteRef))
      return topicsOf(await loadColumnTree(store.db, site.id))
    },

    async create(principal, input) {
      const values = validateInput(topicInputSchema, input)
      const site = await findSite(store.db, values.siteId)
      await requireManager(principal, site.id, 'topic.create', '')
      const starter = TOPIC_STARTERS.find((each) => each.id === values.starter)
      if (!starter) throw new ValidationError('starter', '没有这个专题模板', 'no such starter')
      return perform(ctx, principal.actor, 'topic.create', { type: 'column' }, async (tx, now) => {
        await lockSite(ctx, tx, site.id, 'exclusive')
        const tree = await loadColumnTree(tx, site.id)
        if (values.parentId !== null) {
          const parent = tree.get(values.parentId)
          if (!parent || parent.kind === 'link') {
            throw new ValidationError(
              'parentId',
              `栏目 ${values.parentId} 不能容纳专题`,
              'that column cannot hold a topic',
            )
          }
          // One level of topics: a topic's sub-columns are lists, not topics of their own.
          if (tree.topicOf(parent.id))
            throw new ValidationError('parentId', '专题内不能再建专题', 'a topic cannot hold another topic')
        }
        const siblings = values.parentId === null ? tree.roots : (tree.get(values.parentId)?.children ?? [])
        if (siblings.some((sibling) => sibling.slug === values.slug))
          throw new AlreadyExistsError('slug', values.slug)
        const topicId = await insertColumn(tx, now, {
          siteId: site.id,
          parentId: values.parentId,
          name: values.name,
          slug: values.slug,
          position: siblings.length,
          kind: 'topic',
          updateType: 'other',
          topic: JSON.stringify({ banner: values.banner, templateSet: starter.templateSet }),
        })
        for (const [position, column] of starter.columns.entries()) {
          await insertColumn(tx, now, {
            siteId: site.id,
            parentId: topicId,
            name: column.name,
            slug: column.slug,
            position,
            kind: 'list',
            updateType: column.updateType,
            topic: null,
          })
        }
        await recordChange(
          tx,
          { siteId: site.id, entity: 'column', entityId: topicId, action: 'create' },
          now,
        )
        const node = (await loadColumnTree(tx, site.id)).get(topicId)
        if (!node) throw new NotFoundError('column', topicId)
        return {
          value: toTopic(node),
          targetId: topicId,
          detail: { name: values.name, path: node.path, starter: starter.id },
        }
      })
    },

    async update(principal, id, patch) {
      const values = validateInput(topicPatchSchema, patch)
      const siteId = (await liveTopicRow(store.db, id)).site_id
      await requireManager(principal, siteId, 'topic.update', id)
      return perform(ctx, principal.actor, 'topic.update', { type: 'column', id }, async (tx, now) => {
        await lockSite(ctx, tx, siteId, 'exclusive')
        const node = (await loadColumnTree(tx, siteId)).get((await liveTopicRow(tx, id)).id)
        if (!node?.topic) throw new NotFoundError('column', id)
        const settings = { ...node.topic, ...values }
        await tx
          .updateTable('columns')
          .set({ topic: JSON.stringify(settings), updated_at: now })
          .where('id', '=', id)
          .execute()
        // `topic`: what the topic's own pages show changed, as far as a rename reaches (plan-incremental.ts).
        await recordChange(tx, { siteId, entity: 'column', entityId: id, action: 'topic' }, now)
        const updated = (await loadColumnTree(tx, siteId)).get(id)
        if (!updated) throw new NotFoundError('column', id)
        return { value: toTopic(updated), targetId: id, detail: { fields: Object.keys(values) } }
      })
    },
  }
}

async function liveTopicRow(db: Pick<Tx, 'selectFrom'>, id: number) {
  const row = Number.isSafeInteger(id)
    ? await db
        .selectFrom('columns')
        .select(['id', 'site_id'])
        .where('id', '=', id)
        .where('kind', '=', 'topic')
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    : undefined
  if (!row) throw new NotFoundError('column', id)
  return row
}

interface NewColumn {
  readonly siteId: number
  readonly parentId: number | null
  readonly name: string
  readonly slug: string
  readonly position: number
  readonly kind: 'topic' | 'list'
  readonly updateType: string
  readonly topic: string | null
}

async function insertColumn(tx: Tx, now: string, column: NewColumn): Promise<number> {
  const row = await tx
    .insertInto('columns')
    .values({
      site_id: column.siteId,
      parent_id: column.parentId,
      name: column.name,
      slug: column.slug,
      position: column.position,
      kind: column.kind,
      page_size: 20,
      includes_descendants: false,
      is_disclosure: false,
      update_type: column.updateType,
      link_url: null,
      page_body_html: '',
      list_template: null,
      article_template: null,
      field_schema: '[]',
      topic: column.topic,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
