import fc from 'fast-check'
import { type DefaultTreeAdapterMap, defaultTreeAdapter, parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import { pageLinks } from './page-links.ts'

type Node = DefaultTreeAdapterMap['node']

/** The links a full HTML parse finds, in document order, each distinct one once. */
function parsedLinks(html: string): string[] {
  const found: string[] = []
  const walk = (node: Node) => {
    if (defaultTreeAdapter.isElementNode(node)) {
      const wanted = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : null
      const value = wanted && node.attrs.find((attr) => attr.name === wanted)?.value.trim()
      if (value && !value.startsWith('#') && !/^(mailto|tel|javascript|data):/i.test(value)) {
        const key = `${node.tagName} ${value}`
        if (!found.includes(key)) found.push(key)
      }
      if (node.tagName === 'template') walk(defaultTreeAdapter.getTemplateContent(node as never) as Node)
    }
    for (const child of defaultTreeAdapter.getChildNodes(node as never) ?? []) walk(child as Node)
  }
  walk(parse(html) as Node)
  return found
}

const href = fc.constantFrom(
  '/a.html',
  'b/c.html',
  '../d.html',
  'https://x.cn/e',
  '#top',
  'mailto:a@b.cn',
  '',
  '/f?g=1&amp;h=2',
)
const piece = fc.oneof(
  href.map((value) => `<a href="${value}">链接</a>`),
  href.map((value) => `<img src="${value}" alt="图">`),
  fc.constantFrom(
    '<p>正文</p>',
    '<script>var s = "<a href=\'/in-script.html\'>";</script>',
    '<style>a[href="/in-style.html"] {}</style>',
    '<title><a href="/in-title.html"></title>',
    '<textarea><img src="/in-textarea.png"></textarea>',
    '<!-- <a href="/in-comment.html"> -->',
    '<div><span>文字',
    '</div>',
    '<table><tr><td><a href="/cell.html">格</a></td></tr></table>',
    '<A HREF="/upper.html">大写</A>',
    '<a href=/unquoted.html>无引号</a>',
    '<a href=\'/single.html\' href="/second.html">两个 href</a>',
    '<img src="/x&#47;y.png" SRC="/ignored.png">',
    '<a href="  /spaced.html  ">空格</a>',
    '<br/><a href="/after-void.html"/>',
    '<svg><a href="/in-svg.html"><title>t</title></a></svg>',
    '<iframe><a href="/in-iframe.html">框</a></iframe>',
    '<xmp><a href="/in-xmp.html"></xmp>',
    '<noembed><img src="/in-noembed.png"></noembed>',
    '<noframes><a href="/in-noframes.html"></noframes>',
  ),
)

describe('the links of a published page', () => {
  it('are the links and images a full HTML parse finds, never text inside scripts, styles or comments', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${pieces.join('')}</body></html>`
        const found = pageLinks(html).map((link) => `${link.element} ${link.href}`)
        expect(found).toEqual(parsedLinks(html))
      }),
      { numRuns: 300 },
    )
  })

  it('decodes entities in addresses as a browser does', () => {
    expect(pageLinks('<a href="/f?g=1&amp;h=2">x</a>')).toEqual([{ element: 'a', href: '/f?g=1&h=2' }])
  })
})
