import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodePage, parsePublishTime, readPage } from '../../src/importers/index.ts'
import { gbk } from './support/fixture-server.ts'

const HAN = [...'精神文明建设基层党建政务公开通知关于印发工作要点堃喆昇镕龑頔']
const hanText = fc
  .array(fc.oneof(fc.constantFrom(...HAN), fc.constantFrom(...'abc 123,.<>&')), { maxLength: 200 })
  .map((chars) => chars.join(''))

describe('decoding old pages', () => {
  it('reads GBK declared as gb2312 in a meta tag, characters outside GB2312 included', () => {
    fc.assert(
      fc.property(hanText, (text) => {
        const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${text}</body></html>`
        const decoded = decodePage(gbk(html), 'text/html')
        expect(decoded).toEqual({ ok: true, text: html, charset: 'gb18030' })
      }),
    )
  })

  it('reads UTF-8 whether declared in the header, the meta tag or nowhere', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom('header', 'meta', 'none'),
        (text, where) => {
          fc.pre(!text.includes('\uFFFD') && !text.includes('锟斤拷'))
          const html = `${where === 'meta' ? '<meta charset="utf-8">' : ''}<p>${text}</p>`
          const decoded = decodePage(
            Buffer.from(html, 'utf8'),
            where === 'header' ? 'text/html; charset=UTF-8' : null,
          )
          expect(decoded).toEqual({ ok: true, text: html, charset: 'utf-8' })
        },
      ),
    )
  })

  it('never hands back text with U+FFFD or 锟斤拷, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom(null, 'text/html; charset=gbk', 'text/html; charset=utf-8'),
        (bytes, type) => {
          const decoded = decodePage(bytes, type)
          if (decoded.ok) {
            expect(decoded.text).not.toContain('\uFFFD')
            expect(decoded.text).not.toContain('锟斤拷')
          } else expect(decoded.reason).not.toBe('')
        },
      ),
    )
  })
})

describe('reading publish times', () => {
  it('gives the same minute whichever way the old site printed it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2099-12-31T23:59:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('dash', 'slash', 'chinese', 'seconds'),
        (date, style) => {
          const [y, mo, d, h, mi] = [
            date.getUTCFullYear(),
            date.getUTCMonth() + 1,
            date.getUTCDate(),
            date.getUTCHours(),
            date.getUTCMinutes(),
          ]
          const p = (n: number) => String(n).padStart(2, '0')
          const text = {
            dash: `发布日期：${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}`,
            slash: `${y}/${mo}/${d} ${h}:${p(mi)}`,
            chinese: `${y}年${mo}月${d}日 ${p(h)}:${p(mi)}`,
            seconds: `${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}:07`,
          }[style]
          expect(parsePublishTime(text)).toBe(`${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}`)
        },
      ),
    )
  })

  it('answers null or a well-formed minute for any text, never a date that does not exist', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parsed = parsePublishTime(text)
        if (parsed === null) return
        expect(parsed).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
        expect(new Date(`${parsed.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
          parsed.slice(0, 10),
        )
      }),
    )
  })
})

const chrome = fc.constantFrom(
  '发布日期：2017-12-14 浏览次数：3',
  '【打印本页】 【关闭窗口】',
  '当前位置：首页 > 新闻',
  '分享到：微信 微博',
)
const paragraph = fc
  .array(fc.constantFrom(...HAN), { minLength: 130, maxLength: 180 })
  .map((chars) => chars.join(''))

describe('reading an article page', () => {
  it('keeps every paragraph of the body and drops every line of chrome, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            paragraph.map((text) => ({ text, isChrome: false })),
            chrome.map((text) => ({ text, isChrome: true })),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (lines) => {
          const body = lines
            .map((line) => (line.isChrome ? `<div class="x">${line.text}</div>` : `<p>${line.text}</p>`))
            .join('')
          const html = `<html><head><meta name="ArticleTitle" content="标题"></head><body><div class="TRS_Editor">${body}<p>尾</p></div></body></html>`
          const reading = readPage(html, 'http://old.example/xwzx/201903/t20190301_1.html')
          expect(reading.kind).toBe('article')
          if (reading.kind !== 'article') return
          for (const line of lines) {
            if (line.isChrome) expect(reading.article.bodyHtml).not.toContain(line.text)
            else expect(reading.article.bodyHtml).toContain(line.text)
          }
        },
      ),
    )
  })

  it('reads any markup without throwing, and never keeps a script in a body', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<div id="zoom">',
        '</div>',
        '<!--ZJEG_RSS.content.begin-->',
        '<!--ZJEG_RSS.content.end-->',
        '<meta name="ArticleTitle" content="t">',
        '<p>发布日期：2020-01-01</p>',
        '<div class="TRS_Editor">',
        '<img src="x" onerror="y">',
        '<a href="javascript:1">',
      ),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const reading = readPage(pieces.join(''), 'http://old.example/art/2020/1/1/art_1_2.html')
        if (reading.kind === 'article') expect(reading.article.bodyHtml).not.toMatch(/<script/i)
      }),
    )
  })
})
