import {
  AlreadyExistsError,
  ColumnCycleError,
  ColumnNotEmptyError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from '../errors/index.ts'
import type { ColumnRow, Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import { recordChange } from './change-log.ts'
import {
  type ColumnInput,
  type ColumnMove,
  type ColumnPatch,
  columnInputSchema,
  columnMoveSchema,
  columnPatchSchema,
} from './column-inputs.ts'
import { columnSettingsRow } from './column-settings-row.ts'
import { type Column, type ColumnNode, ColumnTree } from './column-tree.ts'
import { isRecordId } from './record-id.ts'
import { lockSite, perform, prepareAudited, type ServiceContext } from './service-context.ts'
import { findSite, type SiteRef } from './site-service.ts'
import { validateInput } from './validate-input.ts'

export interface ColumnService {
  /** The site's live columns as a tree, siblings in their order. */
  tree(site: SiteRef): Promise<ColumnTree>
  get(id: number): Promise<Column>
  /** By slug path within the site, e.g. `jcdj/jswm`. */
  byPath(site: SiteRef, path: string): Promise<Column>
  create(actor: Actor, input: ColumnInput): Promise<Column>
  update(actor: Actor, id: number, patch: ColumnPatch): Promise<Column>
  /** Moves a column (and its subtree) under another parent, or to the top with parentId null. */
  move(actor: Actor, id: number, to: ColumnMove): Promise<Column>
  /** Puts the children of `parentId` (null: the top level) in the given order. */
  reorder(actor: Actor, site: SiteRef, parentId: number | null, orderedIds: readonly number[]): Promise<void>
  /** Moves an empty column to the recycle bin. */
  delete(actor: Actor, id: number): Promise<void>
  restore(actor: Actor, id: number): Promise<Column>
}

type Reader = Pick<Tx, 'selectFrom'>

export function columnService(ctx: ServiceContext): ColumnService {
  const { store } = ctx

  return {
    async tree(siteRef) {
      const site = await findSite(store.db, siteRef)
      return loadColumnTree(store.db, site.id)
    },

    async get(id) {
      return columnOf(await loadColumnTree(store.db, (await findColumnRow(store.db, id)).site_id), id)
    },

    async byPath(siteRef, path) {
      const site = await findSite(store.db, siteRef)
      const column = (await loadColumnTree(store.db, site.id)).byPath(path.replace(/^\/+|\/+$/g, ''))
      if (!column) throw new NotFoundError('column', path)
      return withoutChildren(column)
    },

    async create(actor, input) {
      // The page body is cleaned before the transaction, which it would otherwise hold open.
      const { values, cleanedBody } = await prepareAudited(
        ctx,
        actor,
        'column.create',
        { type: 'column' },
        async () => {
          const values = validateInput(columnInputSchema, input)
          return {
            values,
            cleanedBody: await ctx.bodySanitizer.sanitize(values.pageBodyHtml, 'pageBodyHtml'),
          }
        },
      )
      return perform(ctx, actor, 'column.create', { type: 'column' }, async (tx, now) => {
        const site = await findSite(tx, values.siteId)
        await lockSite(ctx, tx, site.id, 'exclusive')
        if (values.parentId !== null) await findLiveColumnIn(tx, site.id, values.parentId, 'parentId')
        await assertSlugFreeAmongSiblings(tx, site.id, values.parentId, values.slug)
        const position = await openPosition(tx, site.id, values.parentId, values.position)
        const row = await tx
          .insertInto('columns')
          .values({
            ...columnSettingsRow(values, cleanedBody),
            site_id: site.id,
            parent_id: values.parentId,
            position,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await recordChange(tx, { siteId: site.id, entity: 'column', entityId: row.id, action: 'create' }, now)
        const column = columnOf(await loadColumnTree(tx, site.id), row.id)
        return { value: column, targetId: row.id, detail: { path: column.path } }
      })
    },

    async update(actor, id, patch) {
      const { values, cleanedBody } = await prepareAudited(
        ctx,
        actor,
        'column.update',
        { type: 'column', id },
        async () => {
          const values = validateInput(columnPatchSchema, patch)
          const body = values.pageBodyHtml
          return {
            values,
            cleanedBody:
              body === undefined ? undefined : await ctx.bodySanitizer.sanitize(body, 'pageBodyHtml'),
          }
        },
      )
      return perform(ctx, actor, 'column.update', { type: 'column', id }, async (tx, now) => {
        await lockSite(ctx, tx, (await findLiveColumnRow(tx, id)).site_id, 'exclusive')
        const current = await findLiveColumnRow(tx, id)
        const kind = values.kind ?? current.kind
        const linkUrl = values.linkUrl === undefined ? current.link_url : values.linkUrl
        if (kind === 'link' && !linkUrl) {
          throw new ValidationError('linkUrl', '外链栏目须填写链接地址', 'a link column needs its URL')
        }
        if (values.slug !== undefined && values.slug !== current.slug) {
          await assertSlugFreeAmongSiblings(tx, current.site_id, current.parent_id, values.slug)
        }
        const before = columnOf(await loadColumnTree(tx, current.site_id), id)
        await tx
          .updateTable('columns')
          .set({ ...columnSettingsRow(values, cleanedBody), updated_at: now })
          .where('id', '=', id)
          .execute()
        await recordChange(
          tx,
          {
            siteId: current.site_id,
            entity: 'column',
            entityId: id,
            action: columnChangeAction(before, { ...values, pageBodyHtml: cleanedBody }),
          },
          now,
        )
        return {
          value: columnOf(await loadColumnTree(tx, current.site_id), id),
          targetId: id,
          detail: { fields: Object.keys(values) },
        }
      })
    },

    move(actor, id, to) {
      return perform(ctx, actor, 'column.move', { type: 'column', id }, async (tx, now) => {
        const values = validateInput(columnMoveSchema, to)
        await lockSite(ctx, tx, (await findLiveColumnRow(tx, id)).site_id, 'exclusive')
        const current = await findLiveColumnRow(tx, id)
        const tree = await loadColumnTree(tx, current.site_id)
        if (values.parentId !== null) {
          await findLiveColumnIn(tx, current.site_id, values.parentId, 'parentId')
          if (tree.isWithin(values.parentId, id)) throw new ColumnCycleError(current.name)
        }
        if (values.parentId !== current.parent_id) {
          await assertSlugFreeAmongSiblings(tx, current.site_id, values.parentId, current.slug)
        }
        const oldSiblings = siblingIds(tree, current.parent_id).filter((sibling) => sibling !== id)
        const newSiblings =
          values.parentId === current.parent_id ? oldSiblings : siblingIds(tree, values.parentId)
        const at = Math.min(values.position ?? newSiblings.length, newSiblings.length)
        const ordered = [...newSiblings.slice(0, at), id, ...newSiblings.slice(at)]
        await tx
          .updateTable('columns')
          .set({ parent_id: values.parentId, updated_at: now })
          .where('id', '=', id)
          .execute()
        await renumber(tx, ordered)
        if (values.parentId !== current.parent_id) await renumber(tx, oldSiblings)
        await recordChange(
          tx,
          { siteId: current.site_id, entity: 'column', entityId: id, action: 'move' },
          now,
        )
        const column = columnOf(await loadColumnTree(tx, current.site_id), id)
        return {
          value: column,
          targetId: id,
          detail: { from: current.parent_id, to: values.parentId, path: column.path },
        }
      })
    },

    reorder(actor, siteRef, parentId, orderedIds) {
      return perform(
        ctx,
        actor,
        'column.reorder',
        { type: 'column', id: parentId ?? '' },
        async (tx, now) => {
          const site = await findSite(tx, siteRef)
          await lockSite(ctx, tx, site.id, 'exclusive')
          const siblings = siblingIds(await loadColumnTree(tx, site.id), parentId)
          const isSameSet =
            orderedIds.length === siblings.length &&
            new Set(orderedIds).size === siblings.length &&
            orderedIds.every((sibling) => siblings.includes(sibling))
          if (!isSameSet) {
            throw new ValidationError(
              'orderedIds',
              '须恰好列出该层的全部栏目',
              'must list exactly the columns of that level',
            )
          }
          await renumber(tx, orderedIds)
          await recordChange(
            tx,
            {
              siteId: site.id,
              entity: parentId === null ? 'site' : 'column',
              entityId: parentId ?? site.id,
              action: 'reorder',
            },
            now,
          )
          return { value: undefined, targetId: parentId ?? `site:${site.id}`, detail: { order: orderedIds } }
        },
      )
    },

    delete(actor, id) {
      return perform(ctx, actor, 'column.delete', { type: 'column', id }, async (tx, now) => {
        await lockSite(ctx, tx, (await findLiveColumnRow(tx, id)).site_id, 'exclusive')
        const current = await findLiveColumnRow(tx, id)
        const { articles, children } = await contentCount(tx, id)
        if (articles > 0 || children > 0) throw new ColumnNotEmptyError(current.name, articles, children)
        await tx
          .updateTable('columns')
          .set({ deleted_at: now, updated_at: now })
          .where('id', '=', id)
          .execute()
        await recordChange(
          tx,
          { siteId: current.site_id, entity: 'column', entityId: id, action: 'delete' },
          now,
        )
        return { value: undefined, targetId: id, detail: { name: current.name } }
      })
    },

    restore(actor, id) {
      return perform(ctx, actor, 'column.restore', { type: 'column', id }, async (tx, now) => {
        await lockSite(ctx, tx, (await findColumnRow(tx, id)).site_id, 'exclusive')
        const current = await findColumnRow(tx, id)
        if (current.deleted_at === null) {
          throw new InvalidStateError({
            zh: `栏目「${current.name}」不在回收站中`,
            en: `column "${current.name}" is not deleted`,
          })
        }
        if (current.parent_id !== null)
          await findLiveColumnIn(tx, current.site_id, current.parent_id, 'parentId')
        await assertSlugFreeAmongSiblings(tx, current.site_id, current.parent_id, current.slug)
        const position = await openPosition(tx, current.site_id, current.parent_id, undefined)
        await tx
          .updateTable('columns')
          .set({ deleted_at: null, position, updated_at: now })
          .where('id', '=', id)
          .execute()
        await recordChange(
          tx,
          { siteId: current.site_id, entity: 'column', entityId: id, action: 'restore' },
          now,
        )
        return { value: columnOf(await loadColumnTree(tx, current.site_id), id), targetId: id }
      })
    },
  }
}

export async function loadColumnTree(db: Reader, siteId: number): Promise<ColumnTree> {
  const rows = await db
    .selectFrom('columns')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .execute()
  return new ColumnTree(rows)
}

export async function findColumnRow(db: Reader, id: number): Promise<ColumnRow> {
  if (!isRecordId(id)) throw new NotFoundError('column', id)
  const row = await db.selectFrom('columns').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('column', id)
  return row
}

export async function findLiveColumnRow(db: Reader, id: number): Promise<ColumnRow> {
  const row = await findColumnRow(db, id)
  if (row.deleted_at !== null) throw new NotFoundError('column', id)
  return row
}

/** A live column of the given site; `field` names the input that referred to it. */
export async function findLiveColumnIn(
  db: Reader,
  siteId: number,
  id: number,
  field: string,
): Promise<ColumnRow> {
  const row = isRecordId(id)
    ? await db.selectFrom('columns').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined
  if (!row || row.deleted_at !== null || row.site_id !== siteId) {
    throw new ValidationError(
      field,
      `栏目 ${id} 不存在或不属于本站`,
      `column ${id} does not exist in this site`,
    )
  }
  return row
}

function columnOf(tree: ColumnTree, id: number): Column {
  const node = tree.get(id)
  if (!node) throw new NotFoundError('column', id)
  return withoutChildren(node)
}

function withoutChildren(node: ColumnNode): Column {
  const { children: _children, ...column } = node
  return column
}

function siblingIds(tree: ColumnTree, parentId: number | null): number[] {
  const siblings = parentId === null ? tree.roots : (tree.get(parentId)?.children ?? [])
  return siblings.map((column) => column.id)
}

async function assertSlugFreeAmongSiblings(tx: Tx, siteId: number, parentId: number | null, slug: string) {
  let query = tx
    .selectFrom('columns')
    .select('id')
    .where('site_id', '=', siteId)
    .where('slug', '=', slug)
    .where('deleted_at', 'is', null)
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId)
  if (await query.executeTakeFirst()) throw new AlreadyExistsError('slug', slug)
}

/** The position for a new child: the end, or `wanted` with the later siblings moved down one. */
async function openPosition(tx: Tx, siteId: number, parentId: number | null, wanted: number | undefined) {
  const siblings = siblingIds(await loadColumnTree(tx, siteId), parentId)
  if (wanted === undefined || wanted >= siblings.length) return siblings.length
  await renumber(tx, [...siblings.slice(0, wanted), -1, ...siblings.slice(wanted)])
  return wanted
}

async function renumber(tx: Tx, orderedIds: readonly number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    if (id >= 0) await tx.updateTable('columns').set({ position }).where('id', '=', id).execute()
  }
}

async function contentCount(tx: Tx, columnId: number): Promise<{ articles: number; children: number }> {
  const home = await tx
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('column_id', '=', columnId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  const quoted = await tx
    .selectFrom('article_columns')
    .innerJoin('articles', 'articles.id', 'article_columns.article_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_columns.column_id', '=', columnId)
    .where('articles.deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  const children = await tx
    .selectFrom('columns')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', columnId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { articles: Number(home.n) + Number(quoted.n), children: Number(children.n) }
}

/** Fields whose change shows only where the column's name is shown, not in any URL or list. */
const NAME_ONLY_FIELDS = new Set(['name', 'reviewLevels', 'updateType'])

/**
 * `rename` when nothing changed but the name (and settings no page shows): the publisher then
 * rebuilds only the pages that show the name. The admin's form sends every field, so a field
 * counts as changed only when its value differs from what was stored.
 */
function columnChangeAction(before: Column, values: Readonly<Record<string, unknown>>): 'rename' | 'update' {
  const stored = before as unknown as Readonly<Record<string, unknown>>
  const changed = Object.keys(values).filter(
    (field) => values[field] !== undefined && JSON.stringify(values[field]) !== JSON.stringify(stored[field]),
  )
  return changed.every((field) => NAME_ONLY_FIELDS.has(field)) ? 'rename' : 'update'
}
