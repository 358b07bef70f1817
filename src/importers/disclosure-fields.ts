import type { CheerioAPI } from 'cheerio'
import type { Element } from 'domhandler'
import { parsePublishTime } from './parse-publish-time.ts'

/** The 信息公开 fields a disclosure page shows in its header table. */
export interface ShownDisclosure {
  readonly indexNo: string
  readonly issuingAgency: string
  readonly documentNo: string
  /** `YYYY-MM-DD`, or null when not shown or not a date. */
  readonly writtenDate: string | null
  readonly topicCategory: string
}

const LABELS: Readonly<Record<string, keyof ShownDisclosure>> = {
  索引号: 'indexNo',
  发文机关: 'issuingAgency',
  发布机构: 'issuingAgency',
  文号: 'documentNo',
  发文字号: 'documentNo',
  成文日期: 'writtenDate',
  主题分类: 'topicCategory',
}
const LABEL = new RegExp(`^(${Object.keys(LABELS).join('|')})\\s*[:：]\\s*(.*)$`, 's')

/**
 * Reads 索引号, 发文机关, 文号, 成文日期 and 主题分类 from the cells or lines that show them:
 * `<td>文号：</td><td>沪计〔2024〕3号</td>` or `<li>文号：沪计〔2024〕3号</li>`. Null when the page
 * shows none of them.
 */
export function readDisclosure($: CheerioAPI): ShownDisclosure | null {
  // Most pages show none of the labels: one look at the text spares walking every element.
  const text = $('body').text()
  if (!Object.keys(LABELS).some((label) => text.includes(label))) return null
  const found: Record<string, string> = {}
  for (const element of $(
    'body td, body th, body li, body span, body p, body div, body dt, body b, body strong, body label',
  ).toArray() as Element[]) {
    const node = $(element)
    if (node.children('td, th, li, p, div, tr, table').length > 0) continue
    const text = node.text().replace(/\s+/g, ' ').trim()
    const match = LABEL.exec(text.length > 200 ? '' : text.replace(/^(.{2,4}?)\s*[:：]?$/, '$1：'))
    if (!match?.[1]) continue
    const field = LABELS[match[1]]
    if (!field || found[field]) continue
    const value = match[2]?.trim() || node.next().text().replace(/\s+/g, ' ').trim()
    if (value) found[field] = value.slice(0, 200)
  }
  if (Object.keys(found).length === 0) return null
  const written = found.writtenDate ? parsePublishTime(found.writtenDate) : null
  return {
    indexNo: found.indexNo ?? '',
    issuingAgency: found.issuingAgency ?? '',
    documentNo: found.documentNo ?? '',
    writtenDate: written ? written.slice(0, 10) : null,
    topicCategory: found.topicCategory ?? '',
  }
}
