import type { CheerioAPI } from 'cheerio'

/** The content management systems whose pages fabu reads with their own selectors. */
export type SiteSystem = 'jcms' | 'trs' | 'ucap' | 'dede' | 'phpcms' | 'generic'

const JCMS_ARTICLE = /^\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html$/
const JCMS_COLUMN = /^\/col\/col\d+\/index(?:_\d+)?\.html$/
const TRS_ARTICLE = /\/\d{6}\/t\d{8}_\d+\.s?html?$/
/** DedeCMS: `{typedir}/{Y}/{MD}/{aid}.html` and `/plus/view.php?aid=`. */
const DEDE_ARTICLE = /(?:\/\d{4}\/\d{4}\/\d+\.html|\/plus\/view\.php)$/
/** PHPCMS: `index.php?m=content&c=index&a=show&catid=&id=` (the query is checked apart). */
const PHPCMS_SHOW = /[?&]m=content&c=index&a=show\b/

/**
 * Which system made a page: Hanweb JCMS (大汉版通) by its Generator meta, its body markers or
 * its URL shapes; TRS WCM by its editor classes, `createPageHTML` or its article URLs.
 */
export function recogniseSystem($: CheerioAPI, url: string): SiteSystem {
  const path = new URL(url).pathname
  const generator = $('meta[name="generator" i]').attr('content') ?? ''
  if (generator.includes('大汉') || /hanweb/i.test(generator)) return 'jcms'
  if (JCMS_ARTICLE.test(path) || JCMS_COLUMN.test(path)) return 'jcms'
  if ($('script[type="text/xml"]').text().includes('<datastore>')) return 'jcms'
  if ($('.TRS_Editor, .TRS_UEDITOR, .TRS_PreAppend').length > 0) return 'trs'
  if (TRS_ARTICLE.test(path)) return 'trs'
  if ($('script:not([src])').text().includes('createPageHTML')) return 'trs'
  if ($('#UCAP-CONTENT').length > 0 || /ucap/i.test(generator)) return 'ucap'
  if (/dedecms/i.test(generator) || DEDE_ARTICLE.test(path)) return 'dede'
  if (/phpcms/i.test(generator) || PHPCMS_SHOW.test(new URL(url).search)) return 'phpcms'
  return 'generic'
}

/** Whether a URL has the shape of an article page of the given system. */
export function isArticlePath(system: SiteSystem, url: string): boolean {
  const { pathname, search } = new URL(url)
  if (system === 'jcms') return JCMS_ARTICLE.test(pathname)
  if (system === 'trs') return TRS_ARTICLE.test(pathname)
  if (system === 'dede')
    return DEDE_ARTICLE.test(pathname) && (!pathname.endsWith('.php') || /[?&]aid=\d+/.test(search))
  if (system === 'phpcms') return PHPCMS_SHOW.test(search) && /[?&]id=\d+/.test(search)
  return false
}
