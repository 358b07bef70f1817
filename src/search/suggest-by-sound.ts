import { sql } from 'kysely'
import type { Store } from '../store/index.ts'
import type { SearchQuery } from './parse-search-query.ts'
import { soundOf, soundTokens } from './search-document.ts'
import { charClass } from './search-tokens.ts'
import { SOUND_MARK } from './write-search-documents.ts'

const MAX_SUGGESTIONS = 3
/** Titles read for words that sound alike; the newest that match. */
const TITLES_READ = 50

/**
 * "您是不是要找…" for a query that found nothing: words of the site's titles that sound like
 * it, 记量 → 计量, or that a query typed in pinyin spells, jiliang → 计量. The titles' sound is
 * in the index (search-document.ts); the words come from the titles found by it, at the place
 * whose syllables are the query's.
 */
export async function suggestBySound(store: Store, siteId: number, query: SearchQuery): Promise<string[]> {
  const term = query.include[0]
  if (!term || query.include.length > 1) return []
  const isPinyin = /^[a-z]+$/.test(term.text)
  const syllables = isPinyin ? null : soundOf(term.text)
  if (syllables && (syllables.length < 2 || syllables.some((sound) => !sound))) return []
  const wanted = syllables ? soundTokens(term.text) : null
  // A pinyin query is looked up by its start: where its syllables divide is not known yet.
  const titles = await titlesSounding(store, siteId, wanted, isPinyin ? term.text.slice(0, 4) : null)
  const found = new Map<string, number>()
  for (const title of titles) {
    const word = isPinyin ? spelledIn(title, term.text) : soundingIn(title, syllables ?? [])
    if (word && word !== term.text) found.set(word, (found.get(word) ?? 0) + 1)
  }
  return [...found.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_SUGGESTIONS)
    .map(([word]) => word)
}

async function titlesSounding(
  store: Store,
  siteId: number,
  wanted: readonly string[] | null,
  spelled: string | null,
): Promise<string[]> {
  if (store.engine === 'postgres') {
    const tsQuery = wanted
      ? wanted.map((token) => `'${SOUND_MARK}${token}':B`).join(' <-> ')
      : `'${SOUND_MARK}${spelled}':*B`
    const { rows } = await sql<{
      title: string
    }>`select d.title from search_chunks c join search_documents d on d.sort_key = c.sort_key
      where c.site_id = ${siteId} and c.chunk = 0 and c.tokens @@ ${tsQuery}::tsquery order by c.sort_key desc limit ${TITLES_READ}`.execute(
      store.db,
    )
    return rows.map((row) => row.title)
  }
  const match = wanted ? `{sound} : "${wanted.join(' ')}"` : `{sound} : "${spelled}" *`
  const { rows } = await sql<{
    title: string
  }>`select d.title from search_fts f join search_documents d on d.sort_key = f.rowid
    where search_fts match ${match} and d.site_id = ${siteId} order by f.rowid desc limit ${TITLES_READ}`.execute(
    store.db,
  )
  return rows.map((row) => row.title)
}

/** The characters of the title whose syllables are the given ones, in a row. */
function soundingIn(title: string, syllables: readonly string[]): string | null {
  const chars = [...title]
  const sounds = soundOf(title)
  for (let i = 0; i + syllables.length <= chars.length; i++) {
    if (syllables.every((sound, j) => sounds[i + j] === sound))
      return chars.slice(i, i + syllables.length).join('')
  }
  return null
}

/** The shortest run of the title's Chinese characters whose syllables spell the pinyin. */
function spelledIn(title: string, pinyin: string): string | null {
  const chars = [...title]
  const sounds = soundOf(title)
  for (let i = 0; i < chars.length; i++) {
    let spelled = ''
    for (let j = i; j < chars.length && charClass(chars[j] as string) === 'ideograph'; j++) {
      spelled += sounds[j]
      if (spelled === pinyin && j > i) return chars.slice(i, j + 1).join('')
      if (!pinyin.startsWith(spelled)) break
    }
  }
  return null
}
