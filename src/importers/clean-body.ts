import type { Cheerio, CheerioAPI } from 'cheerio'
import type { AnyNode, Element } from 'domhandler'

/** Text a line of page chrome carries: dates and counters, print and close, breadcrumbs, sharing. */
const CHROME =
  /发布日期|发布时间|浏览次数|点击数|访问量|阅读次数|打印本页|【打印】|打印此页|关闭窗口|【关闭】|当前位置|您的位置|分享到|字体[:：]|字号[:：]|【大\s*中\s*小】|扫一扫在手机/
/** Chrome is a short line; a paragraph of the text that happens to name one is kept. */
const CHROME_MAX_CHARS = 120
const CHROME_CLASS = /share|bdshare|jiathis|print|close|fontsize|zitidaxiao|bottom_bar/i
const DROPPED = 'script, style, noscript, form, input, button, select, textarea, object, embed'

/**
 * Removes page chrome from an article body, on the parsed tree: scripts and forms, share
 * widgets, and the short lines that carry a date, a hit counter, 打印本页/关闭窗口 or a
 * breadcrumb. Children are judged before their parents, so a line is removed whole once its
 * counter is gone, and a long paragraph mentioning 发布日期 stays.
 */
export function cleanBody($: CheerioAPI, root: Cheerio<AnyNode>): void {
  root.find(DROPPED).remove()
  root
    .find('*')
    .contents()
    .filter((_, node) => node.type === 'comment')
    .remove()
  root
    .contents()
    .filter((_, node) => node.type === 'comment')
    .remove()
  const elements = root.find('*').toArray().reverse() as Element[]
  for (const element of elements) {
    const node = $(element)
    // Broken markup (`<a<script>`) makes elements of names no HTML has: keep only their text.
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i.test(element.name) && !element.name.includes(':')) {
      node.replaceWith(node.contents())
      continue
    }
    const idAndClass = `${node.attr('id') ?? ''} ${node.attr('class') ?? ''}`
    if (CHROME_CLASS.test(idAndClass)) {
      node.remove()
      continue
    }
    const text = node.text().replace(/\s+/g, ' ').trim()
    if (text.length <= CHROME_MAX_CHARS && CHROME.test(text)) node.remove()
  }
  mapLegacyMarkup($, root)
}

/** Wrappers old editors left that say nothing the site's own styles should not say. */
const UNWRAPPED = 'font, center, big, small, o\\:p'
const ALIGNMENTS = new Set(['left', 'right', 'center', 'justify'])

/**
 * Maps legacy markup as the editor's Word paste does: `<font>` and the like unwrapped, the
 * `align` attribute turned into `text-align` (indent styles are left to the sanitizer).
 */
export function mapLegacyMarkup($: CheerioAPI, root: Cheerio<AnyNode>): void {
  for (const element of root.find('[align]').toArray() as Element[]) {
    const node = $(element)
    const align = (node.attr('align') ?? '').toLowerCase()
    node.removeAttr('align')
    if (!ALIGNMENTS.has(align)) continue
    const style = (node.attr('style') ?? '').trim()
    if (!/text-align\s*:/i.test(style))
      node.attr('style', `${style}${style && !style.endsWith(';') ? ';' : ''}text-align: ${align}`)
  }
  for (const element of (root.find(UNWRAPPED).toArray() as Element[]).reverse())
    $(element).replaceWith($(element).contents())
}

/** Whether a short line of text is page chrome (exported for the extraction of fields). */
export function isChromeText(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= CHROME_MAX_CHARS && CHROME.test(line)
}
