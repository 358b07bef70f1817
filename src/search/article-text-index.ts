import { type Expression, sql } from 'kysely'
import type { ArticleTextIndex } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { fts5Expression, tsQueryExpression, withSynonyms } from './match-expressions.ts'
import { parseSearchQuery } from './parse-search-query.ts'

/**
 * The site search's index as the admin's article list uses it: the published articles whose
 * title or body holds the words, with the visitors' query syntax (quotes, -word) but without
 * synonyms, which are the visitors'. A query the search refuses finds nothing here; the list
 * still matches titles.
 */
export function articleTextIndex(store: Store): ArticleTextIndex {
  return {
    articleIds(siteId: number, text: string): Expression<number> | null {
      let match: ReturnType<typeof withSynonyms>
      try {
        const query = parseSearchQuery(text)
        if (query.include.length === 0) return null
        match = withSynonyms(query, () => [])
      } catch {
        return null
      }
      if (store.engine === 'postgres') {
        const required = tsQueryExpression({ include: match.include, exclude: [] }, false)
        const excluded =
          match.exclude.length > 0
            ? tsQueryExpression({ include: [match.exclude.flat()], exclude: [] }, false)
            : null
        return sql<number>`(select d.ref_id from search_chunks c join search_documents d on d.sort_key = c.sort_key
          where c.site_id = ${siteId} and d.kind = 'article' and c.tokens @@ ${required}::tsquery
          ${excluded ? sql`and not exists (select 1 from search_chunks x where x.sort_key = c.sort_key and x.tokens @@ ${excluded}::tsquery)` : sql``})`
      }
      return sql<number>`(select d.ref_id from search_fts f join search_documents d on d.sort_key = f.rowid
        where search_fts match ${fts5Expression(match, false)} and d.site_id = ${siteId} and d.kind = 'article')`
    },
  }
}
