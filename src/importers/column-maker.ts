import type { Actor, Content } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { columnSlug } from './column-slug.ts'
import type { TrailStep } from './column-trail.ts'
import { importedPages } from './imported-pages.ts'
import { oldPathOf } from './old-path-of.ts'

/**
 * Finds or creates the columns of a breadcrumb, one at a time (articles arrive concurrently,
 * and two of one column must not create it twice), and remembers their old URLs.
 */
export function columnMaker(content: Content, store: Store, actor: Actor, siteId: number, isDryRun: boolean) {
  let chain: Promise<unknown> = Promise.resolve()
  const created: number[] = []
  const oldUrls = new Map<number, string>()
  // A column's breadcrumb, once its columns exist: most articles share a few.
  const ensured = new Map<string, number>()
  async function ensureNow(trail: readonly TrailStep[]): Promise<number> {
    let parentId: number | null = null
    for (const step of trail) {
      const tree = await content.columns.tree(siteId)
      const siblings = tree.all().filter((column) => column.parentId === parentId)
      let column = siblings.find((sibling) => sibling.name === step.name)
      if (!column) {
        const made = await content.columns.create(actor, {
          siteId,
          parentId,
          name: step.name,
          slug: columnSlug(step.name, new Set(siblings.map((sibling) => sibling.slug))),
        })
        created.push(made.id)
        column = tree.get(made.id) ?? ({ ...made, children: [] } as never)
      }
      const id: number = column.id
      if (step.url && !oldUrls.has(id)) {
        oldUrls.set(id, step.url)
        await importedPages(store).save(
          siteId,
          {
            sourceUrl: step.url,
            oldPath: oldPathOf(step.url),
            kind: 'column',
            articleId: null,
            columnId: id,
            contentHash: '',
          },
          new Date().toISOString(),
        )
      }
      parentId = id
    }
    if (parentId === null) throw new Error('empty trail')
    return parentId
  }
  return {
    ensure(trail: readonly TrailStep[]): Promise<number> {
      if (isDryRun) return Promise.resolve(0)
      const key = JSON.stringify(trail)
      const known = ensured.get(key)
      if (known !== undefined) return Promise.resolve(known)
      const next = chain.then(() => ensureNow(trail))
      chain = next.catch(() => undefined)
      return next.then((id) => {
        ensured.set(key, id)
        return id
      })
    },
    /** Puts the columns this run created in the order the old home page links them. */
    async order(homeLinks: readonly string[]): Promise<void> {
      if (created.length === 0) return
      const rank = (id: number) => {
        const at = homeLinks.indexOf(oldUrls.get(id) ?? '')
        return at === -1 ? homeLinks.length + created.indexOf(id) : at
      }
      const tree = await content.columns.tree(siteId)
      const parents = new Set(created.map((id) => tree.get(id)?.parentId ?? null))
      for (const parentId of parents) {
        const siblings = tree.all().filter((column) => column.parentId === parentId)
        const kept = siblings.filter((column) => !created.includes(column.id)).map((column) => column.id)
        const ours = siblings.filter((column) => created.includes(column.id)).map((column) => column.id)
        ours.sort((a, b) => rank(a) - rank(b))
        await content.columns.reorder(actor, siteId, parentId, [...kept, ...ours])
      }
    },
  }
}
