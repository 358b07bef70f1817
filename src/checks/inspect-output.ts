import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Site } from '../content/index.ts'
import type { EvidenceRef, InspectionItem } from './inspection-item.ts'

/** Every file of the site's published output, as `a/b.html` paths. */
async function outputFiles(root: string): Promise<Set<string>> {
  if (!existsSync(root)) return new Set()
  const entries = await readdir(root, { withFileTypes: true, recursive: true })
  return new Set(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')),
  )
}

/** The file a link of a page leads to in the site's output, or null if it leads elsewhere. */
function targetOf(href: string, pagePath: string, site: Site): string | null {
  const base = new URL(site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`)
  let url: URL
  try {
    url = new URL(href, new URL(pagePath, base))
  } catch {
    return null
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname.slice(base.pathname.length))
  } catch {
    return url.pathname
  }
  // fabu serve's own endpoints (the search, the counter, the letter forms) are not files.
  if (path.startsWith('_fabu/')) return null
  return path === '' || path.endsWith('/') ? `${path}index.html` : path
}

const LINKS: readonly (readonly [string, string])[] = [
  ['a[href]', 'href'],
  ['img[src]', 'src'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
]

/**
 * The indicators read from what was published: the required elements and meta tags of the
 * home page, and every internal link and image of every page checked against the output
 * itself (no network, so a link to a file served from elsewhere is reported too).
 */
export async function inspectOutput(site: Site, root: string): Promise<InspectionItem[]> {
  // Loaded here, by the inspection, rather than by every command that opens the checks.
  const cheerio = await import('cheerio')
  const files = await outputFiles(root)
  const broken: string[] = []
  const brokenRefs: EvidenceRef[] = []
  let sitemapLinked = false
  let searchLinked = false
  let homeHtml = ''
  for (const page of [...files].filter((file) => file.endsWith('.html')).sort()) {
    const html = await readFile(join(root, page), 'utf8')
    if (page === 'index.html') homeHtml = html
    const $ = cheerio.load(html)
    for (const [selector, attribute] of LINKS) {
      $(selector).each((_index, element) => {
        const href = ($(element).attr(attribute) ?? '').trim()
        if (href === '' || href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) return
        const target = targetOf(href, page, site)
        if (target === null) return
        if (page === 'index.html' && target === 'sitemap.html') sitemapLinked = true
        if (!files.has(target)) {
          broken.push(`${page} → ${href}`)
          brokenRefs.push({ kind: 'page', path: page })
        }
      })
    }
    if (page === 'index.html') {
      $('form[action]').each((_index, element) => {
        const target = targetOf($(element).attr('action') ?? '', page, site)
        if (target === 'search.html') searchLinked = true
      })
      $('a[href]').each((_index, element) => {
        if (targetOf($(element).attr('href') ?? '', page, site) === 'search.html') searchLinked = true
      })
    }
  }

  const missing: string[] = []
  if (!homeHtml) missing.push('index.html 未发布 / the home page is not published')
  const $ = cheerio.load(homeHtml)
  const text = $('body').text()
  const needs: readonly (readonly [string, string, boolean])[] = [
    [
      '网站标识码 site ID code',
      site.siteIdCode,
      text.includes('网站标识码') && text.includes(site.siteIdCode),
    ],
    ['ICP 备案号 ICP record', site.icp, text.includes(site.icp)],
    ['公安备案号 police record', site.policeRecord, text.includes(site.policeRecord)],
    ['主办单位 sponsor', site.sponsor, text.includes('主办单位') && text.includes(site.sponsor)],
    ['联系方式 contact', site.contact, text.includes(site.contact)],
  ]
  for (const [label, value, isShown] of needs) {
    if (!value) missing.push(`${label}: 站点设置中未填写 / not set in the site settings`)
    else if (!isShown) missing.push(`${label}: 首页未显示 / not on the home page`)
  }
  if (!sitemapLinked || !files.has('sitemap.html'))
    missing.push('网站地图 site map: 首页无链接或页面不存在 / no link or no page')
  if (!searchLinked || !files.has('search.html'))
    missing.push('站内搜索 search: 首页无入口或页面不存在 / no form or no page')
  for (const name of ['SiteName', 'SiteDomain', 'SiteIDCode']) {
    if (!($(`meta[name="${name}"]`).attr('content') ?? '').trim())
      missing.push(`<meta name="${name}">: 首页缺少 / missing on the home page`)
  }

  return [
    {
      rule: 'required-elements',
      title: {
        zh: '网站标识码、ICP 备案、公安备案、主办单位、联系方式、网站地图、搜索及网页元数据',
        en: 'site ID code, ICP and police records, sponsor, contact, site map, search and page meta tags',
      },
      isSingleVeto: false,
      status: missing.length > 0 ? 'fail' : 'pass',
      evidence: missing,
      fix: {
        zh: '在站点设置中填写并重新发布；自定义模板须保留页脚和 meta 标签',
        en: 'fill them in the site settings and publish again; edited templates must keep the footer and meta tags',
      },
    },
    {
      rule: 'broken-links',
      title: { zh: '站内链接和图片可用', en: 'internal links and images work' },
      isSingleVeto: false,
      status: !homeHtml ? 'skip' : broken.length > 0 ? 'fail' : 'pass',
      evidence: broken,
      refs: brokenRefs,
      fix: {
        zh: '修改或删除指向不存在页面的链接，并重新发布',
        en: 'correct or remove the links to pages that do not exist, and publish again',
      },
    },
  ]
}
