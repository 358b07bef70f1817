import { appendAudit, canManageSite, type Principal } from '../content/index.ts'
import { ForbiddenError, ValidationError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'
import type { QueryTerm } from './parse-search-query.ts'
import { foldText } from './search-tokens.ts'

const MAX_GROUPS = 2_000
const MAX_WORDS_PER_GROUP = 10
const MAX_WORD_LENGTH = 30

/** For each of the query's words, the other words of its synonym groups (社保 → 社会保险). */
export async function synonymsOf(
  store: Store,
  siteId: number,
  terms: readonly QueryTerm[],
): Promise<Map<string, string[]>> {
  const texts = terms.map((term) => term.text)
  const found = new Map<string, string[]>()
  if (texts.length === 0) return found
  const rows = await store.db
    .selectFrom('search_synonyms as s')
    .innerJoin('search_synonyms as other', (join) =>
      join.onRef('other.site_id', '=', 's.site_id').onRef('other.group_no', '=', 's.group_no'),
    )
    .select(['s.word as word', 'other.word as synonym'])
    .where('s.site_id', '=', siteId)
    .where('s.word', 'in', texts)
    .whereRef('other.word', '!=', 's.word')
    .execute()
  for (const row of rows) found.set(row.word, [...(found.get(row.word) ?? []), row.synonym])
  return found
}

/** The site's synonym groups, each a list of words that find each other. */
export async function synonymGroups(store: Store, siteId: number): Promise<string[][]> {
  const rows = await store.db
    .selectFrom('search_synonyms')
    .select(['word', 'group_no'])
    .where('site_id', '=', siteId)
    .orderBy('group_no')
    .orderBy('word')
    .execute()
  const groups = new Map<number, string[]>()
  for (const row of rows) groups.set(row.group_no, [...(groups.get(row.group_no) ?? []), row.word])
  return [...groups.values()]
}

/**
 * Replaces the site's synonym groups; a site administrator's right, audited. Words are folded
 * as queries are (NFKC, lower case), so 社保 typed full-width still finds its group.
 */
export async function replaceSynonymGroups(
  store: Store,
  principal: Principal,
  siteId: number,
  groups: readonly (readonly string[])[],
): Promise<string[][]> {
  if (!canManageSite(principal.access, siteId))
    throw new ForbiddenError('修改本站同义词', "change this site's synonyms")
  if (groups.length > MAX_GROUPS) {
    throw new ValidationError('groups', `不能超过 ${MAX_GROUPS} 组`, `at most ${MAX_GROUPS} groups`)
  }
  const cleaned = groups.map((group, i) => {
    const words = [...new Set(group.map((word) => foldText(word).trim()).filter((word) => word.length > 0))]
    if (words.length < 2 || words.length > MAX_WORDS_PER_GROUP) {
      throw new ValidationError(
        `groups.${i}`,
        `每组须有 2 到 ${MAX_WORDS_PER_GROUP} 个词`,
        `a group holds 2 to ${MAX_WORDS_PER_GROUP} words`,
      )
    }
    const long = words.find((word) => [...word].length > MAX_WORD_LENGTH)
    if (long) {
      throw new ValidationError(
        `groups.${i}`,
        `词语不能超过 ${MAX_WORD_LENGTH} 个字`,
        `a word is at most ${MAX_WORD_LENGTH} characters`,
      )
    }
    return words
  })
  const now = new Date().toISOString()
  await store.transaction(async (tx) => {
    await tx.deleteFrom('search_synonyms').where('site_id', '=', siteId).execute()
    for (const [groupNo, words] of cleaned.entries()) {
      await tx
        .insertInto('search_synonyms')
        .values(words.map((word) => ({ site_id: siteId, word, group_no: groupNo + 1 })))
        .execute()
    }
    await appendAudit(
      store,
      tx,
      {
        actor: principal.actor,
        action: 'search.synonyms',
        targetType: 'site',
        targetId: String(siteId),
        outcome: 'success',
        detail: { groups: cleaned.length },
      },
      now,
    )
  })
  return cleaned
}
