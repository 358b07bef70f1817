import { describe, expect, it } from 'vitest'
import { feedHazards, pageScriptHazards, scriptHazards } from './script-hazards.ts'

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`
const THEME_HEAD =
  '<link rel="stylesheet" href="/assets/style.css"><script src="/assets/fabu.js" defer></script>'

describe('the oracle the XSS tests trust', () => {
  it('lets the theme’s own scripts, styles, meta tags, search form and redirects through', () => {
    expect(
      pageScriptHazards(
        page(
          `${THEME_HEAD}<meta name="ArticleTitle" content="javascript:alert(1)"><meta http-equiv="refresh" content="0; url=/xwzx/1.html">`,
          '<form action="/search.html"><input name="q"><button type="submit">搜索</button></form>' +
            '<div class="article-body"><p class="fabu-indent">正文</p><img src="data:image/png;base64,AAAA"></div>',
        ),
        '/assets/',
      ),
    ).toEqual([])
  })

  it('flags scripts the theme did not write, refreshes and bases that send the page away', () => {
    expect(
      pageScriptHazards(
        page(
          '<script>alert(1)</script><script src="https://evil.example/x.js"></script><script src="/assets/fabu.js">alert(1)</script>' +
            '<meta http-equiv="refresh" content="0; url=javascript:alert(1)"><meta http-equiv="refresh" content="0;URL=\'//evil.example/\'"><base href="https://evil.example/">',
          '',
        ),
        '/assets/',
      ),
    ).toEqual([
      '<script>',
      '<script src=https://evil.example/x.js>',
      '<script src=/assets/fabu.js>',
      'meta[http-equiv=refresh] 0; url=javascript:alert(1)',
      "meta[http-equiv=refresh] 0;URL='//evil.example/'",
      '<base>',
    ])
  })

  it('holds an article body to the body rules, even inside a page', () => {
    expect(
      pageScriptHazards(
        page(
          THEME_HEAD,
          '<div class="article-body"><form action="/x"></form><link rel="stylesheet" href="/x.css"></div>',
        ),
        '/assets/',
      ),
    ).toEqual(['<form>', '<link>'])
  })

  it('flags script URLs in every navigable attribute, as the URL parser trims them', () => {
    expect(
      scriptHazards(
        '<a href="&#1;javascript:x()">a</a><form action="vbscript:x"></form><video poster=" javascript:x()"></video>' +
          '<img srcset="a.png 1x, javascript:x() 2x"><table background="data:text/html,x"></table><a title="javascript:x()">harmless</a>',
      ),
    ).toEqual([
      'a[href=\u0001javascript:x()]',
      '<form>',
      'form[action=vbscript:x]',
      'video[poster= javascript:x()]',
      'img[srcset=a.png 1x, javascript:x() 2x]',
      'table[background=data:text/html,x]',
    ])
  })

  it('flags CSS that runs script, however it is escaped', () => {
    expect(
      scriptHazards(
        '<p style="width:exp/**/ression(alert(1))">a</p><p style="behavior:url(x.htc)">b</p>' +
          '<p style="-moz-binding:url(x.xml#x)">c</p><p style="background:url(&quot;java\\73 cript:x()&quot;)">d</p>',
      ),
    ).toEqual([
      'p[style]{expression(}',
      'p[style]{behavior:}',
      'p[style]{-moz-binding}',
      'p[style]{javascript:}',
    ])
    expect(scriptHazards('<style>@import "x.css"; p { color: red }</style>')).toEqual([
      '<style>',
      '<style>{@import}',
    ])
  })

  it('flags feeds with raw markup, characters XML forbids or bare ampersands', () => {
    const feed = (title: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title></channel></rss>\n`
    expect(feedHazards(feed('通知 &lt;script&gt; &amp; 公告'))).toEqual([])
    expect(feedHazards(feed('<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'))).toEqual([
      '<script>',
      'script[xmlns]',
    ])
    expect(feedHazards(feed('a\u0000b & c'))).toEqual([
      'character U+0 at 75',
      'bare & at 78: & c</title></channel',
    ])
  })
})
