import { sql } from 'kysely'
import type { CheckedText, WordingGate, WordingHit } from '../content/index.ts'
import type { Tx } from '../store/index.ts'
import { WordMatcher } from './word-matcher.ts'
import type { WordEntry } from './wording-entry.ts'

export interface WordingGateImpl extends WordingGate {
  /** Drops the site's compiled lists, after a change through this process. */
  forget(siteId: number): void
}

/**
 * The wording gate content calls before submit, approval and publish. A site's lists are
 * compiled once and kept while they are unchanged: a cheap summary of the rows (count, newest
 * id and change) tells whether another process changed them meanwhile.
 */
export function createWordingGate(): WordingGateImpl {
  const compiled = new Map<number, { readonly stamp: string; readonly matcher: WordMatcher }>()

  async function matcherFor(db: Pick<Tx, 'selectFrom'>, siteId: number): Promise<WordMatcher> {
    const summary = await db
      .selectFrom('wording_entries')
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number | null>`max(id)`.as('last'),
        sql<string | null>`max(updated_at)`.as('changed'),
      ])
      .where('site_id', '=', siteId)
      .executeTakeFirstOrThrow()
    const stamp = `${Number(summary.n)}:${summary.last}:${String(summary.changed)}`
    const known = compiled.get(siteId)
    if (known?.stamp === stamp) return known.matcher
    const rows = await db
      .selectFrom('wording_entries')
      .select(['word', 'kind', 'level', 'suggestion'])
      .where('site_id', '=', siteId)
      .orderBy('id')
      .execute()
    const matcher = new WordMatcher(rows as WordEntry[])
    compiled.set(siteId, { stamp, matcher })
    return matcher
  }

  return {
    async check(db, siteId, texts: readonly CheckedText[]): Promise<readonly WordingHit[]> {
      return (await matcherFor(db, siteId)).find(texts)
    },
    forget(siteId) {
      compiled.delete(siteId)
    },
  }
}
