import { type CheerioAPI, load } from 'cheerio'

/** A JCMS column's records beyond those its page carries, fetched from the data proxy. */
export interface DataProxyPaging {
  /** `/module/web/jpage/dataproxy.jsp`, absolute. */
  readonly url: string
  readonly form: Readonly<Record<string, string>>
  readonly perPage: number
  /** What the page says the column holds, when it says. */
  readonly total: number | null
  /** The records the page itself carried. */
  readonly firstRecords: number
}

const DATAPROXY = '/module/web/jpage/dataproxy.jsp'

/**
 * The links of the records in a JCMS `<datastore>` (the XML a column page carries in a
 * `<script type="text/xml">`, or the data proxy answers): each `<record>` is a CDATA snippet
 * of HTML holding the link to one article.
 */
export function datastoreLinks(
  xml: string,
  baseUrl: string,
): { links: string[]; records: number; total: number | null } {
  const $ = load(xml, { xml: true })
  const links: string[] = []
  const records = $('record').toArray()
  for (const record of records) {
    const snippet = load($(record).text())
    snippet('a[href]').each((_, a) => {
      const href = snippet(a).attr('href') ?? ''
      try {
        links.push(new URL(href, baseUrl).href)
      } catch {
        // An unreadable href in one record leaves the others.
      }
    })
  }
  const total = Number.parseInt($('totalrecord').first().text(), 10)
  return { links, records: records.length, total: Number.isFinite(total) ? total : null }
}

/**
 * Where a JCMS column page's further records come from: the data proxy, with the column and
 * unit ids the page's `<nextgroup>` link (or the datastore's enclosing `<div id>`) names.
 */
export function dataProxyPaging($: CheerioAPI, pageUrl: string): DataProxyPaging | null {
  const script = $('script[type="text/xml"]')
    .toArray()
    .find((element) => $(element).text().includes('<datastore'))
  if (!script) return null
  const xml = $(script).text()
  const store = load(xml, { xml: true })
  const next = load(store('nextgroup').text())('a').attr('href') ?? ''
  let params = new URLSearchParams()
  try {
    params = new URL(next, pageUrl).searchParams
  } catch {
    // No usable nextgroup link: the ids may still come from the page around it.
  }
  const columnId = params.get('columnid') ?? /col(\d+)/.exec(new URL(pageUrl).pathname)?.[1] ?? ''
  const unitId = params.get('unitid') ?? $(script).parent().attr('id') ?? ''
  if (!/^\d+$/.test(columnId) || !/^\d+$/.test(unitId)) return null
  const { records, total } = datastoreLinks(xml, pageUrl)
  const perPage = Number.parseInt(params.get('perpage') ?? store('perpage').first().text(), 10)
  return {
    url: new URL(DATAPROXY, pageUrl).href,
    form: {
      col: '1',
      appid: params.get('appid') ?? '1',
      webid: params.get('webid') ?? '1',
      path: '/',
      columnid: columnId,
      sourceContentType: '1',
      unitid: unitId,
      webname: params.get('webname') ?? '',
      permissiontype: '0',
    },
    perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : 15,
    total,
    firstRecords: records,
  }
}

/** The query a data proxy request for records `start`…`end` (1-based, inclusive) carries. */
export function dataProxyUrl(paging: DataProxyPaging, start: number, end: number): string {
  const url = new URL(paging.url)
  url.searchParams.set('startrecord', String(start))
  url.searchParams.set('endrecord', String(end))
  url.searchParams.set('perpage', String(paging.perPage))
  return url.href
}

/**
 * The list pages a TRS WCM list announces through `createPageHTML(count, current, "index",
 * "html")`: `index.html`, `index_1.html` … `index_{count-1}.html`, at most `max`.
 */
export function trsListPages($: CheerioAPI, pageUrl: string, max: number): string[] {
  const script = $('script:not([src])').text()
  const match = /createPageHTML\(\s*(\d+)\s*,\s*\d+\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/.exec(script)
  if (!match) return []
  const count = Math.min(Number(match[1]), max)
  const [, , prefix, suffix] = match
  const pages: string[] = []
  for (let n = 0; n < count; n++) {
    pages.push(new URL(n === 0 ? `${prefix}.${suffix}` : `${prefix}_${n}.${suffix}`, pageUrl).href)
  }
  return pages
}
