import { load } from 'cheerio'
import { describe, expect, it } from 'vitest'
import { scriptHazards, xssVectors as vectors } from '../../test/support/script-hazards.ts'
import { sanitizeBody } from './sanitize-body.ts'

describe('the public XSS test vectors', () => {
  it('are all there, so a truncated file fails', () => {
    expect(vectors).toHaveLength(684)
  })

  it('would be caught by the check if they got through unsanitized', () => {
    const raw =
      '<script>x()</script><p onclick="x()">a</p><a href=" java&#9;script:x()">b</a><a href="data:text/html,x">c</a><iframe srcdoc="x"></iframe>'
    expect(scriptHazards(raw)).toEqual([
      '<script>',
      'p[onclick]',
      'a[href= java\tscript:x()]',
      'a[href=data:text/html,x]',
      '<iframe>',
      'iframe[srcdoc]',
    ])
  })

  it.each(vectors.map((vector) => [vector.id, vector] as const))(
    '%s can run no script and reads the same when sanitized again',
    (_, vector) => {
      const clean = sanitizeBody(vector.input)
      expect(scriptHazards(clean)).toEqual([])
      expect(sanitizeBody(clean)).toBe(clean)
    },
  )
})

// As Word puts it on the clipboard: conditional comments, a <style> block, MsoNormal classes,
// mso-* styles, <o:p> placeholders and a list bullet in a downlevel-revealed comment.
const WORD_PASTE = `<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;} --></style>
<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;mso-line-height-rule:exactly'><b style='mso-bidi-font-weight:normal'><span style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman";color:black'>关于做好2024年度安全生产工作的通知<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal style="text-indent:2em;text-align:justify;mso-line-height-rule:exactly"><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-ascii-font-family:"Times New Roman"'>各乡镇人民政府，县直各单位：<font color="#FF0000"><b>请高度重视</b></font>，认真抓好落实。<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>加强组织领导。<o:p></o:p></p>
<ul style='margin-top:0cm' type=disc><li class=MsoNormal style='mso-list:l1 level1 lfo2'>压实工作责任；</li><li class=MsoNormal>强化督促检查。</li></ul>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=553 style='width:415.3pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=553 colspan=2 valign=top style='width:415.3pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><b>重点任务分工表<o:p></o:p></b></p></td>
 </tr>
 <tr>
  <td width=150 rowspan=2 style='width:112.5pt;border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt'><p class=MsoNormal>牵头单位</p></td>
  <td width=403 style='width:302.8pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt'><p class=MsoNormal>县应急管理局</p></td>
 </tr>
 <tr><td width=403 style='width:302.8pt'><p class=MsoNormal>县消防救援大队<span lang=EN-US><o:p>&nbsp;</o:p></span></p></td></tr>
</table>
<p class=MsoNormal><span lang=EN-US><img width=553 height=311 src="/uploads/2024/03/xianchang.png" alt="检查现场" v:shapes="图片_x0020_1" id="_x0000_i1025"></span></p>`

/** The visible text, with runs of white space (no-break spaces too) made one space. */
function visibleText(html: string): string {
  const $ = load(html, null, false)
  $('style').remove()
  return $.root().text().replace(/\s+/g, ' ').trim()
}

describe('an article pasted from Word', () => {
  const clean = sanitizeBody(WORD_PASTE)
  const $ = load(clean, null, false)

  it('keeps the table, its merged header cell and the cell spanning two rows', () => {
    expect($('table').attr('border')).toBe('1')
    expect($('td[colspan="2"]').text()).toBe('重点任务分工表')
    expect($('td[rowspan="2"]').text()).toBe('牵头单位')
    expect($('td[rowspan="2"]').attr('style')).toContain('border:solid windowtext 1.0pt')
    expect($('tr')).toHaveLength(3)
  })

  it('keeps the indent, the alignment, the centred title, colour, bold and the image', () => {
    expect($('p[style*="text-indent:2em"]').attr('style')).toBe('text-indent:2em;text-align:justify')
    expect($('p[align="center"]').first().text()).toBe('关于做好2024年度安全生产工作的通知')
    expect($('font[color="#FF0000"] b').text()).toBe('请高度重视')
    expect($('ul li')).toHaveLength(2)
    expect($('img').attr('src')).toBe('/uploads/2024/03/xianchang.png')
    expect($('img').attr('alt')).toBe('检查现场')
  })

  it('keeps every word of the text', () => {
    expect(visibleText(clean)).toBe(visibleText(WORD_PASTE))
  })

  it("drops Word's mso-* styles, classes, ids and <o:p> tags without a trace", () => {
    expect(clean).not.toMatch(/mso-|MsoNormal|class=|id=|o:p|<style|<!--/)
  })
})

describe('embedded video', () => {
  const bilibili = { iframeHosts: ['player.bilibili.com'] }

  it('keeps a Bilibili iframe when its host is allowed, sandboxed', () => {
    const embed =
      '<iframe src="https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&amp;page=1" sandbox="allow-top-navigation" width="640" height="360" allowfullscreen="true"></iframe>'
    const iframe = load(sanitizeBody(embed, bilibili), null, false)('iframe')
    expect(iframe.attr('src')).toBe('https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&page=1')
    expect(iframe.attr('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation')
    expect(iframe.attr('width')).toBe('640')
  })

  it('takes the protocol-relative embed code Bilibili hands out, as https', () => {
    const embed =
      '<iframe src="//player.bilibili.com/player.html?aid=1&bvid=BV1xx411c7mD" scrolling="no" frameborder="no">请升级浏览器</iframe>'
    expect(sanitizeBody(embed, bilibili)).toBe(
      '<iframe src="https://player.bilibili.com/player.html?aid=1&amp;bvid=BV1xx411c7mD" sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>',
    )
  })

  it('drops an iframe from any other host, over plain http, or with srcdoc', () => {
    const embeds = [
      '<iframe src="https://evil.example/player"></iframe>',
      '<iframe src="https://player.bilibili.com.evil.example/"></iframe>',
      '<iframe src="http://player.bilibili.com/player.html"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<iframe src="/relative/player.html"></iframe>',
    ]
    for (const embed of embeds) expect(sanitizeBody(embed, bilibili)).toBe('')
  })

  it('drops every iframe when no host is allowed', () => {
    expect(sanitizeBody('<p>视频<iframe src="https://player.bilibili.com/player.html"></iframe></p>')).toBe(
      '<p>视频</p>',
    )
  })
})

describe('links and images', () => {
  it('adds rel=noopener to links that open a new window', () => {
    expect(sanitizeBody('<a href="https://www.gov.cn" target="_blank" rel="opener">中国政府网</a>')).toBe(
      '<a href="https://www.gov.cn" target="_blank" rel="noopener noreferrer">中国政府网</a>',
    )
  })

  it('keeps web, mail, phone and relative links, and in-page anchors', () => {
    const links =
      '<a href="http://a.cn/">1</a><a href="mailto:xx@gov.cn">2</a><a href="tel:12345">3</a><a href="../b.html">4</a><a name="_Toc1" href="#sec">5</a>'
    expect(sanitizeBody(links)).toBe(links)
  })

  it('drops javascript:, vbscript: and data: links, however they are disguised', () => {
    const links = [
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" &#14; java&#x09;script&colon;alert(1)">x</a>',
      '<a href="VBScript:msgbox(1)">x</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      '<a href="data:image/png;base64,iVBORw0KGgo=">x</a>',
    ]
    for (const link of links) expect(sanitizeBody(link)).toBe('<a>x</a>')
  })

  it('keeps a base64 PNG image but not a data: link', () => {
    const png = '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==" alt="截图">'
    expect(sanitizeBody(png)).toBe(png)
    expect(sanitizeBody('<a href="data:image/png;base64,iVBORw0KGgo=">图</a>')).toBe('<a>图</a>')
  })

  it('drops an image source that is SVG or not base64, since only raster images are safe inline', () => {
    expect(sanitizeBody('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="a">')).toBe(
      '<img alt="a">',
    )
    expect(sanitizeBody('<img src="data:text/html,<script>alert(1)</script>" alt="b">')).toBe('<img alt="b">')
  })
})

describe('styles', () => {
  it('drops display:none so content cannot be hidden', () => {
    expect(sanitizeBody('<p style="display:none">公示名单</p>')).toBe('<p>公示名单</p>')
  })

  it('drops visibility, position, opacity, z-index and content, and keeps the safe rest', () => {
    const styled =
      '<p style="color:red;visibility:hidden;position:fixed;opacity:0;z-index:99;content:\'x\';font-weight:bold">注意</p>'
    expect(sanitizeBody(styled)).toBe('<p style="color:red;font-weight:bold">注意</p>')
  })

  it('drops CSS that could load or run something', () => {
    const styled =
      '<p style="background:url(x.png);color:expression(alert(1));behavior:url(x.htc);-moz-binding:url(x.xml);width:calc(100% - 1px)">文字</p>'
    expect(sanitizeBody(styled)).toBe('<p>文字</p>')
    expect(sanitizeBody('<p style="@import url(x.css); color:red">文字</p>')).not.toContain('import')
  })

  it('reads style properties written in capitals by old IE-era editors', () => {
    expect(sanitizeBody('<P style="TEXT-INDENT: 2em; TEXT-ALIGN: center">正文</P>')).toBe(
      '<p style="text-indent:2em;text-align:center">正文</p>',
    )
  })

  it('keeps Word highlighting, fonts, margins and table borders', () => {
    const styled =
      '<p style="background:yellow;font-family:\'Times New Roman\',仿宋_GB2312;margin:0cm 0cm 0pt;border:1px solid #000">文字</p>'
    expect(sanitizeBody(styled)).toBe(styled)
  })
})

// The tricks behind hidden links (暗链): text a search engine or an inspector reads but a
// visitor never sees, or a block slid over the site's own header to forge it.
describe('text hidden from readers', () => {
  /** The body as sanitized, after checking that sanitizing it again changes nothing. */
  function clean(html: string): string {
    const once = sanitizeBody(html)
    expect(sanitizeBody(once)).toBe(once)
    return once
  }

  it.each([
    ...['font-size:0', 'font-size:0px', 'font-size:0.1px', 'font-size:0pt', 'font-size:0em', 'font-size:1px'],
    ...['font-size:5pt', 'font-size:0.3em', 'font-size:10%', 'font-size:1vw', 'FONT-SIZE: 0 !important'],
    ...['color:transparent', 'color:rgba(0,0,0,0)', 'color:rgb(0 0 0 / 0)', 'color:rgba(255,0,0,.05)'],
    ...['color:hsla(0,0%,0%,0)', 'color:hsl(0 0% 0% / 5%)', 'color:#0000', 'color:#00000000', 'color:#fff1'],
    ...['background:transparent', 'background-color:rgba(0,0,0,0)'],
  ])('drops transparent or zero-size text so nothing can be hidden from readers: %s', (style) => {
    expect(clean(`<p>通知<span style="${style}">暗链</span></p>`)).toBe('<p>通知<span>暗链</span></p>')
  })

  it('drops an invisible colour or a size of nothing on <font> too', () => {
    expect(clean('<font color="transparent" size="0">暗链</font>')).toBe('<font>暗链</font>')
    expect(clean('<font color="#FF000000">暗链</font>')).toBe('<font>暗链</font>')
  })

  it('keeps small print, half-transparent shading and every ordinary colour', () => {
    const readable = [
      ...['font-size:8px', 'font-size:6pt', 'font-size:0.5em', 'font-size:50%', 'font-size:10.5pt'],
      ...['font-size:xx-small', 'font-size:x-small', 'font-size:smaller'],
      ...['color:red', 'color:#f00', 'color:#FF0000', 'color:rgb(0,0,0)', 'color:hsl(0,100%,50%)'],
      ...['background:rgba(255,255,0,0.5)', 'color:#f00a', 'color:#ff000080', 'background-color:yellow'],
    ]
    for (const style of readable) {
      const html = `<p><span style="${style}">正文</span></p>`
      expect(clean(html)).toBe(html)
    }
    expect(clean('<font size="1" color="#0070C0">注</font>')).toBe('<font size="1" color="#0070C0">注</font>')
  })

  it('does not let text shrink to nothing by nesting sizes that are each readable', () => {
    expect(clean('<span style="font-size:50%"><span style="font-size:50%">暗链</span></span>')).toBe(
      '<span style="font-size:50%"><span>暗链</span></span>',
    )
    expect(clean(`${'<small>'.repeat(5)}暗链${'</small>'.repeat(5)}`)).toBe(
      '<small><small><small><span><span>暗链</span></span></small></small></small>',
    )
    // An absolute size is measured on its own, whatever is around it.
    expect(clean('<span style="font-size:50%"><span style="font-size:12pt">正文</span></span>')).toBe(
      '<span style="font-size:50%"><span style="font-size:12pt">正文</span></span>',
    )
  })

  it("keeps Word's hanging indent but not a far negative indent", () => {
    const hanging = [
      'margin-left:18.0pt;text-indent:-18.0pt',
      'margin-left:72.0pt;text-indent:-72.0pt',
      'margin:0cm 0cm 0pt 42.0pt;text-indent:-42.0pt',
      'text-indent:-21pt;margin-left:21pt',
      'text-indent:-2em',
      'text-indent:-4em',
      'text-indent:2em',
    ]
    for (const style of hanging)
      expect(clean(`<p style="${style}">一、</p>`)).toBe(`<p style="${style}">一、</p>`)
    for (const style of [
      'text-indent:-9999px',
      'text-indent:-5em',
      'text-indent:9999px',
      'text-indent:-100%',
    ]) {
      expect(clean(`<p style="${style}">暗链</p>`)).toBe('<p>暗链</p>')
    }
    expect(clean('<p style="margin-left:18.0pt;text-indent:-9999px">暗链</p>')).toBe(
      '<p style="margin-left:18.0pt">暗链</p>',
    )
  })

  it('refuses negative margins that could cover the page header', () => {
    expect(clean('<div style="margin-top:-200px;background:white;font-size:22pt">伪造的标题</div>')).toBe(
      '<div style="background:white;font-size:22pt">伪造的标题</div>',
    )
    for (const style of [
      'margin-left:-9999px',
      'margin:-50px 0 0',
      'margin:0 0 0 -1em',
      'margin-left:9999px',
    ]) {
      expect(clean(`<p style="${style}">暗链</p>`)).toBe('<p>暗链</p>')
    }
    expect(clean('<p style="padding-left:9999px">暗链</p>')).toBe('<p>暗链</p>')
    const word = '<p style="margin:0cm 0cm 0pt;margin-bottom:.0001pt;padding:1.0pt 4.0pt">正文</p>'
    expect(clean(word)).toBe(word)
  })

  it('keeps lines far enough apart to read', () => {
    for (const style of [
      'line-height:0',
      'line-height:0px',
      'line-height:0.1',
      'line-height:10%',
      'line-height:2px',
    ]) {
      expect(clean(`<p style="${style}">暗链</p>`)).toBe('<p>暗链</p>')
    }
    for (const style of ['line-height:1.5', 'line-height:150%', 'line-height:28.0pt', 'line-height:normal']) {
      expect(clean(`<p style="${style}">正文</p>`)).toBe(`<p style="${style}">正文</p>`)
    }
  })

  it('drops a zero width or height that would hide an image or a paragraph', () => {
    expect(clean('<img src="/a.png" width="0" height="0">')).toBe('<img src="/a.png">')
    expect(clean('<img src="/a.png" style="width:0;height:0.5px">')).toBe('<img src="/a.png">')
    expect(clean('<p style="height:0;width:0px">暗链</p>')).toBe('<p>暗链</p>')
    const sized = '<img src="/a.png" width="553" height="311" style="width:415.3pt;height:100%">'
    expect(clean(sized)).toBe(sized)
  })

  it('keeps the empty row of zero height Word writes under a table whose columns do not line up', () => {
    const table =
      '<table><tbody><tr><td width="83">一</td></tr><tr height="0"><td width="83" style="border:none;height:0"></td></tr></tbody></table>'
    expect(clean(table)).toBe(table)
  })

  it('drops opacity and letter or word spacing, which the allow-list never had', () => {
    expect(
      clean('<p style="opacity:0.01;letter-spacing:-9999px;word-spacing:-999px;color:red">暗链</p>'),
    ).toBe('<p style="color:red">暗链</p>')
  })
})

describe('markup the allow-list does not know', () => {
  it('drops class and id, so pasted markup cannot pick up the site CSS', () => {
    expect(sanitizeBody('<p class="MsoNormal red" id="main" align="CENTER">居中</p>')).toBe(
      '<p align="center">居中</p>',
    )
  })

  it('removes forms and their controls but keeps the text around them', () => {
    const form =
      '<form action="/x"><p>请填写：</p><input name="q"><select><option>一</option></select><button>提交</button></form>'
    expect(sanitizeBody(form)).toBe('<p>请填写：</p>')
  })

  it('removes event handlers, keeping the element', () => {
    expect(sanitizeBody('<p onclick="steal()" onmouseover="steal()">正文</p>')).toBe('<p>正文</p>')
  })

  it('leaves entities as they were, without escaping them twice', () => {
    const text = '<p>A &amp; B &lt;C&gt; 1&nbsp;2 “引号”</p>'
    expect(sanitizeBody(text)).toBe(text)
    expect(sanitizeBody(sanitizeBody('<p>&amp;lt;b&amp;gt;</p>'))).toBe('<p>&amp;lt;b&amp;gt;</p>')
  })

  it('keeps the text of nesting three thousand deep instead of failing', () => {
    const deep = `${'<div>'.repeat(3000)}底层文字${'</div>'.repeat(3000)}`
    const clean = sanitizeBody(deep)
    expect(clean).toContain('底层文字')
    expect(clean.match(/<div>/g)).toHaveLength(512)
    expect(sanitizeBody(clean)).toBe(clean)
  })

  it('keeps the blank line at the top of preformatted text', () => {
    expect(sanitizeBody('<pre>\n\n第一行</pre>')).toBe('<pre>\n\n第一行</pre>')
  })
})

// Tag soup on which sanitize-html alone writes markup that a browser reads as another tree,
// or that changes again when sanitized a second time (found by feeding it random tag soup).
describe('misnested markup', () => {
  it.each([
    ['<ul><li>一<object><li>二</object></ul>', '<ul><li>一</li></ul>'],
    ['<p>一<button><p>二</button>', '<p>一</p>'],
    ['<h1>一<template><h1>二</template></h1>', '<h1>一</h1>'],
    ['<li>一<table><li>二', '<li>一</li><li>二</li><table></table>'],
    ['<ul><li>一<section><li>二</section></ul>', '<ul><li>一</li><li>二</li></ul>'],
    [
      '<a href="/1">一<table><a href="/2">二</a></table></a>',
      '<a href="/1">一</a><a href="/2">二</a><table></table>',
    ],
    ['<b><p>一</b>二</p>', '<b></b><p><b>一</b>二</p>'],
    ['<table><tr><td>一</td></tr>二</table>', '二<table><tbody><tr><td>一</td></tr></tbody></table>'],
    ['<p>一&#13;二</p>', '<p>一\n二</p>'],
  ])('%s reads as a browser reads it, and the same when sanitized again', (input, expected) => {
    const clean = sanitizeBody(input)
    expect(clean).toBe(expected)
    expect(sanitizeBody(clean)).toBe(clean)
  })
})

describe('bodies nested absurdly deep', () => {
  it('refuses them with a clear error before parsing, instead of tying up the server', () => {
    const deep = `${'<div>'.repeat(60_000)}x${'</div>'.repeat(60_000)}`
    expect(() => sanitizeBody(deep)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'bodyHtml' }),
    )
  })

  it('still accepts a legacy page of thousands of unclosed paragraphs', () => {
    const legacy = '<p>段落'.repeat(6000)
    expect(sanitizeBody(legacy).match(/<p>/g)).toHaveLength(6000)
  })
})
