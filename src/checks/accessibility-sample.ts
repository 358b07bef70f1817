import type { Store } from '../store/index.ts'

/** The page types an inspector samples, by the publisher's kind of page. */
export const SAMPLED_KINDS = {
  home: { zh: '首页', en: 'home' },
  list: { zh: '栏目列表', en: 'column list' },
  article: { zh: '文章', en: 'article' },
  page: { zh: '单页', en: 'single page' },
  search: { zh: '搜索页', en: 'search page' },
} as const
export type SampledKind = keyof typeof SAMPLED_KINDS

export interface SampledPage {
  readonly kind: SampledKind
  readonly path: string
}

/**
 * One published page of each type, the same one each run (the first by path), so that a
 * change between two runs is a change of the pages and not of the sample.
 */
export async function accessibilitySample(store: Store, siteId: number): Promise<SampledPage[]> {
  const sample: SampledPage[] = []
  for (const kind of Object.keys(SAMPLED_KINDS) as SampledKind[]) {
    const row = await store.db
      .selectFrom('published_pages')
      .select('path')
      .where('site_id', '=', siteId)
      .where('kind', '=', kind)
      .where('path', 'like', '%.html')
      .orderBy('path')
      .limit(1)
      .executeTakeFirst()
    if (row) sample.push({ kind, path: row.path })
  }
  return sample
}
