import type { CheerioAPI } from 'cheerio'
import type { Element } from 'domhandler'

/** One step of a breadcrumb: the column's name and, where it is a link, its URL. */
export interface TrailStep {
  readonly name: string
  readonly url: string | null
}

const LABEL = /^\s*(?:当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]?\s*/
const SEPARATOR = /\s*(?:>>|>|»|›|→|\/|＞)\s*/
const HOME = new Set(['首页', '网站首页', '主页', '返回首页', 'Home'])
const SKIPPED = new Set(['正文', '详情', '内容', '文章正文', '信息正文'])

/**
 * The column path a page's breadcrumb shows, `当前位置：首页 > 基层党建 > 精神文明` →
 * 基层党建, 精神文明, without the home page and without the article itself.
 *
 * @param pageUrl to resolve the steps' links
 * @param title the article's title, dropped when the breadcrumb ends with it
 */
export function readColumnTrail($: CheerioAPI, pageUrl: string, title = ''): TrailStep[] {
  if (!/位置/.test($('body').text())) return []
  const holder = ($('body *').toArray() as Element[]).find((element) => {
    const node = $(element)
    const text = node.text().trim()
    if (!LABEL.test(text) || text.length > 300) return false
    // The innermost element that has the whole breadcrumb (the label and its links).
    return !node
      .children()
      .toArray()
      .some((child) => LABEL.test($(child).text().trim()) && $(child).find('a').length > 0)
  })
  if (!holder) return []
  const node = $(holder)
  const links = new Map<string, string>()
  node.find('a[href]').each((_, a) => {
    const name = $(a).text().trim()
    const href = $(a).attr('href') ?? ''
    try {
      if (name && !links.has(name)) links.set(name, new URL(href, pageUrl).href)
    } catch {
      // A malformed href names no column URL; the step keeps its name.
    }
  })
  const text = node.text().replace(/\s+/g, ' ').replace(LABEL, '')
  return text
    .split(SEPARATOR)
    .map((name) => name.trim())
    .filter((name) => name !== '' && !HOME.has(name) && !SKIPPED.has(name) && name !== title.trim())
    .map((name) => ({ name: name.slice(0, 100), url: links.get(name) ?? null }))
}
