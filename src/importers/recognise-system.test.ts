import { load } from 'cheerio'
import { describe, expect, it } from 'vitest'
import { readPage } from './extract-article.ts'
import { isArticlePath, recogniseSystem } from './recognise-system.ts'

const page = (head: string, body = '') => load(`<html><head>${head}</head><body>${body}</body></html>`)

describe('recognising the system that made a page', () => {
  it.each([
    ['jcms', page('<meta name="Generator" content="大汉版通">'), 'http://a.gov.cn/'],
    ['jcms', page(''), 'http://a.gov.cn/art/2017/12/14/art_102_1.html'],
    ['jcms', page(''), 'http://a.gov.cn/col/col102/index.html'],
    ['trs', page('', '<div class="TRS_Editor">x</div>'), 'http://a.gov.cn/x.html'],
    ['trs', page(''), 'http://a.gov.cn/xwzx/201903/t20190305_1.html'],
    ['trs', page('', '<script>createPageHTML(3, 0, "index", "html");</script>'), 'http://a.gov.cn/xwzx/'],
    ['ucap', page('', '<div id="UCAP-CONTENT">x</div>'), 'http://a.gov.cn/x.html'],
    ['dede', page(''), 'http://a.gov.cn/a/news/2019/0305/123.html'],
    ['phpcms', page(''), 'http://a.gov.cn/index.php?m=content&c=index&a=show&catid=5&id=9'],
    ['generic', page('<title>x</title>', '<p>x</p>'), 'http://a.gov.cn/news/1.htm'],
  ] as const)('%s from %s', (system, $, url) => {
    expect(recogniseSystem($, url)).toBe(system)
  })

  it('tells article URLs from list URLs', () => {
    expect(isArticlePath('jcms', 'http://a.gov.cn/art/2017/12/14/art_102_1.html')).toBe(true)
    expect(isArticlePath('jcms', 'http://a.gov.cn/col/col102/index.html')).toBe(false)
    expect(isArticlePath('trs', 'http://a.gov.cn/xwzx/index_1.html')).toBe(false)
    expect(isArticlePath('dede', 'http://a.gov.cn/plus/view.php?aid=12')).toBe(true)
    expect(isArticlePath('dede', 'http://a.gov.cn/a/news/list_3_2.html')).toBe(false)
    expect(isArticlePath('phpcms', 'http://a.gov.cn/index.php?m=content&c=index&a=lists&catid=5')).toBe(false)
  })

  it('reads a 开普云 body from #UCAP-CONTENT', () => {
    const reading = readPage(
      '<html><head><meta name="ArticleTitle" content="标题"></head><body><div class="nav">导航</div><div id="UCAP-CONTENT"><p>正文在此</p></div></body></html>',
      'http://a.gov.cn/x/1.html',
    )
    expect(reading.kind === 'article' && reading.article.bodyHtml).toBe('<p>正文在此</p>')
  })
})
