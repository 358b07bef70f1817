import * as cheerio from 'cheerio'

const BLOCKS =
  'p, div, h1, h2, h3, h4, h5, h6, li, tr, blockquote, pre, table, ul, ol, figure, figcaption, hr'

/** The readable text of a body, one line per paragraph, table row or list item. */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html, null, false)
  $('br').replaceWith('\n')
  $(BLOCKS).each((_, element) => {
    $(element).append('\n')
  })
  $('td, th').each((_, element) => {
    $(element).append('\t')
  })
  return $.root()
    .text()
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n')
}
