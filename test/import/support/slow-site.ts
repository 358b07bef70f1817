import sharp from 'sharp'
import type { Route } from './fixture-server.ts'

/**
 * A site of `count` articles with the government meta tags, each answered after `delayMs`, so
 * an import takes long enough to be watched, reloaded and cancelled. Article 1's body shows an
 * image and an attachment held on `fileOrigin` (another host), when given.
 */
export function slowSite(
  count: number,
  delayMs: number,
  fileOrigin?: string,
): (origin: string) => Map<string, Route> {
  return () => {
    const routes = new Map<string, Route>()
    const links = Array.from(
      { length: count },
      (_, i) => `<li><a href="/news/${i + 1}.htm">通知${i + 1}</a></li>`,
    )
    routes.set('/', {
      body: `<html><head><meta charset="utf-8"><title>某某局</title></head><body><ul>${links.join('')}</ul></body></html>`,
    })
    for (let n = 1; n <= count; n++) {
      const files =
        n === 1 && fileOrigin
          ? `<p><img src="${fileOrigin}/img/map.png" alt="地图"></p><p><a href="${fileOrigin}/files/plan.pdf">附件：2024年计划.pdf</a></p><p><a href="http://other.example.com/files/x.pdf">外站附件</a></p>`
          : ''
      const page = `<html><head><meta charset="utf-8"><title>x</title>
<meta name="SiteName" content="某某局"><meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="关于第${n}项工作的通知"><meta name="PubDate" content="2021-06-01 10:15:00">
</head><body><div class="article-content"><p>各单位：现部署第${n}项工作，请认真落实，按时报送进展情况。</p>${files}</div></body></html>`
      routes.set(`/news/${n}.htm`, (_request, response) => {
        setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(page), delayMs)
      })
    }
    return routes
  }
}

/** The other host's files: an image and a PDF, as a CDN or a file server holds them. */
export async function fileHost(): Promise<(origin: string) => Map<string, Route>> {
  const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#06c' } })
    .png()
    .toBuffer()
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
  return () =>
    new Map<string, Route>([
      ['/img/map.png', { body: png, type: 'image/png' }],
      ['/files/plan.pdf', { body: pdf, type: 'application/pdf' }],
    ])
}
