import {
  appendAudit,
  type CheckedText,
  type Content,
  canManageSite,
  canReadSite,
  type Principal,
  type SiteRef,
  validateInput,
  type WordingHit,
} from '../content/index.ts'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/index.ts'
import type { Store, Tx } from '../store/index.ts'
import { starterWords } from './starter-words.ts'
import { type WordEntry, type WordEntryInput, wordEntrySchema } from './wording-entry.ts'
import type { WordingGateImpl } from './wording-gate-impl.ts'

export interface WordListEntry extends WordEntry {
  readonly id: number
  readonly createdBy: string
  readonly updatedAt: string
}

export interface ImportResult {
  readonly added: number
  readonly updated: number
}

/**
 * A site's wording lists (错敏词), as one user may use them: everyone working in the site reads
 * them and checks drafts against them; its administrators change them, and every change is
 * audited.
 */
export interface WordLists {
  list(principal: Principal, site: SiteRef): Promise<readonly WordListEntry[]>
  add(principal: Principal, site: SiteRef, input: WordEntryInput): Promise<WordListEntry>
  remove(principal: Principal, site: SiteRef, word: string): Promise<void>
  /** Adds or replaces entries by word, all or nothing. */
  import(principal: Principal, site: SiteRef, entries: readonly unknown[]): Promise<ImportResult>
  /** The lists fabu ships (starter-words.ts), added where the site has no such word yet. */
  importStarter(principal: Principal, site: SiteRef): Promise<ImportResult>
  /** Checks texts against the site's lists without saving anything (the editor's check). */
  check(principal: Principal, site: SiteRef, texts: readonly CheckedText[]): Promise<readonly WordingHit[]>
}

export function createWordLists(store: Store, content: Content, gate: WordingGateImpl): WordLists {
  async function siteFor(principal: Principal, ref: SiteRef, manages: boolean) {
    const site = await content.sites.get(ref)
    if (!canReadSite(principal.access, site.id)) throw new NotFoundError('site', ref)
    if (manages && !canManageSite(principal.access, site.id))
      throw new ForbiddenError('管理此站点的词表', "change this site's wording lists")
    return site
  }

  async function write(
    principal: Principal,
    siteId: number,
    action: string,
    targetId: string,
    detail: Record<string, unknown>,
    work: (tx: Tx, now: string) => Promise<void>,
  ) {
    const now = new Date().toISOString()
    await store.transaction(async (tx) => {
      await work(tx, now)
      await appendAudit(
        store,
        tx,
        { actor: principal.actor, action, targetType: 'site', targetId, outcome: 'success', detail },
        now,
      )
    })
    gate.forget(siteId)
  }

  async function upsert(
    tx: Tx,
    siteId: number,
    entry: WordEntry,
    actor: string,
    now: string,
    replace: boolean,
  ) {
    const existing = await tx
      .selectFrom('wording_entries')
      .select('id')
      .where('site_id', '=', siteId)
      .where('word', '=', entry.word)
      .executeTakeFirst()
    if (existing) {
      if (!replace) return 'kept'
      await tx
        .updateTable('wording_entries')
        .set({ kind: entry.kind, level: entry.level, suggestion: entry.suggestion, updated_at: now })
        .where('id', '=', existing.id)
        .execute()
      return 'updated'
    }
    await tx
      .insertInto('wording_entries')
      .values({ site_id: siteId, ...entry, created_by: actor, created_at: now, updated_at: now })
      .execute()
    return 'added'
  }

  async function importEntries(
    principal: Principal,
    ref: SiteRef,
    entries: readonly WordEntry[],
    replace: boolean,
    action: string,
  ): Promise<ImportResult> {
    const site = await siteFor(principal, ref, true)
    const counts = { added: 0, updated: 0 }
    await write(principal, site.id, action, String(site.id), counts, async (tx, now) => {
      for (const entry of entries) {
        const outcome = await upsert(tx, site.id, entry, principal.actor.name, now, replace)
        if (outcome !== 'kept') counts[outcome]++
      }
    })
    return counts
  }

  return {
    async list(principal, ref) {
      const site = await siteFor(principal, ref, false)
      const rows = await store.db
        .selectFrom('wording_entries')
        .selectAll()
        .where('site_id', '=', site.id)
        .orderBy('kind')
        .orderBy('word')
        .execute()
      return rows.map((row) => ({
        id: row.id,
        word: row.word,
        kind: row.kind as WordEntry['kind'],
        level: row.level as WordEntry['level'],
        suggestion: row.suggestion,
        createdBy: row.created_by,
        updatedAt: row.updated_at,
      }))
    },

    async add(principal, ref, input) {
      const entry = validateInput(wordEntrySchema, input)
      const site = await siteFor(principal, ref, true)
      await write(principal, site.id, 'words.add', String(site.id), { ...entry }, async (tx, now) => {
        await upsert(tx, site.id, entry, principal.actor.name, now, true)
      })
      const added = (await this.list(principal, site.id)).find((row) => row.word === entry.word)
      if (!added) throw new NotFoundError('word', entry.word)
      return added
    },

    async remove(principal, ref, word) {
      const site = await siteFor(principal, ref, true)
      await write(principal, site.id, 'words.remove', String(site.id), { word }, async (tx) => {
        const removed = await tx
          .deleteFrom('wording_entries')
          .where('site_id', '=', site.id)
          .where('word', '=', word)
          .executeTakeFirst()
        if (Number(removed.numDeletedRows) === 0) throw new NotFoundError('word', word)
      })
    },

    import(principal, ref, entries) {
      const checked = entries.map((entry, index) => {
        try {
          return validateInput(wordEntrySchema, entry)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          throw new ValidationError(`entries.${index}`, message, message)
        }
      })
      return importEntries(principal, ref, checked, true, 'words.import')
    },

    importStarter(principal, ref) {
      return importEntries(principal, ref, starterWords, false, 'words.importStarter')
    },

    async check(principal, ref, texts) {
      const site = await siteFor(principal, ref, false)
      return gate.check(store.db, site.id, texts)
    },
  }
}
