import { z } from 'zod'

/** The URL of an article published before sites could choose one; new sites keep it too. */
export const DEFAULT_ARTICLE_URL_PATTERN = '{column}/{yyyy}/{mm}/{dd}/{id}.html'

/** What each token of a pattern stands for when an article's URL is fixed. */
export interface ArticleUrlValues {
  /** The home column's path, `jcdj/jswm`. */
  readonly column: string
  /** The publish date in the site's time zone, `2017-12-14`. */
  readonly date: string
  readonly id: number
}

const TOKEN = /\{([^{}]*)\}/g
const TOKENS = ['column', 'yyyy', 'mm', 'dd', 'id'] as const

/** `{column}/{id}.html` with `jcdj/jswm`, 2017-12-14 and 1 gives `jcdj/jswm/1.html`. */
export function applyArticleUrlPattern(pattern: string, values: ArticleUrlValues): string {
  const [yyyy, mm, dd] = values.date.split('-')
  const byToken: Record<string, string | undefined> = {
    column: values.column,
    yyyy,
    mm,
    dd,
    id: String(values.id),
  }
  return pattern.replace(TOKEN, (token, name: string) => byToken[name] ?? token)
}

/**
 * Why a pattern cannot be a site's article URL pattern, as "中文|English", or null when it
 * can. Every URL it makes must be a file of its own: not a page fabu writes for the site or a
 * column, not under the folders fabu serves other things from, never the same for two articles.
 */
export function articleUrlPatternProblem(pattern: string): string | null {
  for (const [, name = ''] of pattern.matchAll(TOKEN)) {
    if (TOKENS.includes(name as (typeof TOKENS)[number])) continue
    if (!/^\w+$/.test(name)) return CHARACTERS
    return `未知的占位符 {${name}}，可用 {column} {yyyy} {mm} {dd} {id}|unknown token {${name}}; use {column} {yyyy} {mm} {dd} {id}`
  }
  if (!/^[A-Za-z0-9_./-]*$/.test(pattern.replace(TOKEN, ''))) return CHARACTERS
  if (pattern.startsWith('/'))
    return '不能以 / 开头（是站点内的相对路径）|must not start with / (it is relative to the site)'
  if (!pattern.endsWith('.html')) return '须以 .html 结尾|must end in .html'
  const segments = pattern.split('/')
  if (segments.includes('')) return '不能含空的路径段（//）|must not contain an empty segment (//)'
  // `.` and `..` would leave the folder; other dot names are hidden files (and `.fabu-tmp`).
  if (segments.some((segment) => segment.startsWith('.')))
    return '路径段不能以 . 开头（如 . 和 ..）|no segment may start with a dot (such as . or ..)'
  const fileName = segments.at(-1) ?? ''
  // An article's print view is its path with `_print` before `.html`: a name ending so could
  // be another article's print view.
  if (fileName.endsWith('_print.html'))
    return '文件名不能以 _print.html 结尾（那是打印页）|the file name must not end in _print.html: it could be a print view'
  // A folder named like a page could stand where an article of an earlier pattern has its file.
  if (segments.slice(0, -1).some((segment) => segment.endsWith('.html')))
    return '只有文件名可以以 .html 结尾|only the file name may end in .html'
  if (!fileName.includes('{id}'))
    return '最后一段（文件名）须含 {id}|the last segment (the file name) must contain {id}'
  // Inside a segment a column path (`a1` or `a12`) could run into the text beside it.
  if (segments.some((segment) => segment.includes('{column}') && segment !== '{column}'))
    return '{column} 须单独成为一段|{column} must be a segment of its own'
  if (SERVED_FOLDERS.includes(segments[0] ?? ''))
    return `不能放在 ${segments[0]}/ 下（站点的其他文件在那里）|must not lie under ${segments[0]}/ (the site's other files are there)`
  // Any folder may be a column's (a literal `news`, a child column `2024`): its list pages are
  // fabu's. Its index.html cannot come of a name with {id} in it; index_<n>.html can.
  if (/^index_[0-9]+\.html$/.test(fileName.replace(TOKEN, '1')))
    return '文件名可能与栏目页 index.html 或 index_n.html 重名|the file name could be a column page (index.html or index_n.html)'
  if (segments.length === 1 && SITE_PAGES.some((name) => canProduce(fileName, name)))
    return `文件名可能与站点页 ${SITE_PAGES.join('、')} 重名|the file name could be a site page (${SITE_PAGES.join(', ')})`
  return null
}

const CHARACTERS = '只能含字母、数字、-、_、/、. 和占位符|use only letters, digits, -, _, /, . and the tokens'
/** Folders of the site's output that hold what is not a page: theme assets, uploads, fabu's own. */
const SERVED_FOLDERS = ['assets', 'uploads', '_fabu']
/** The site's own pages at its root; its feeds, sitemaps and robots.txt do not end in .html. */
const SITE_PAGES = ['index.html', 'search.html', '404.html', 'sitemap.html']

/** Whether some value of the tokens (all digits) turns a file name pattern into `name`. */
function canProduce(fileName: string, name: string): boolean {
  const source = fileName
    .split(TOKEN)
    .map((part, i) => (i % 2 === 1 ? '[0-9]+' : part.replace(/[.-]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`).test(name)
}

export const articleUrlPatternSchema = z
  .string()
  .max(200)
  .superRefine((pattern, ctx) => {
    const problem = articleUrlPatternProblem(pattern)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
