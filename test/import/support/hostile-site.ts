import type { Route } from './fixture-server.ts'

export const BIG_IMAGE_BYTES = 50 * 1024 * 1024

/**
 * A site that tries everything an importer must survive: links to a private address, to the
 * cloud metadata address and to another origin; an endless calendar; a redirect loop; a page
 * that never finishes; a 50 MB "image" sent without a length; a body full of script.
 */
export function hostileSite(elsewhere: string): (origin: string) => Map<string, Route> {
  return () => {
    const routes = new Map<string, Route>()
    routes.set('/', {
      body: `<html><head><meta charset="utf-8"><title>x</title></head><body>
<a href="http://10.0.0.1/admin">内网</a> <a href="http://169.254.169.254/latest/meta-data/">元数据</a>
<a href="${elsewhere}/steal">别的网站</a> <a href="/calendar?m=0">日历</a>
<a href="/loop-a">循环</a> <a href="/slow">慢</a> <a href="/hostile.html">文章</a></body></html>`,
    })
    routes.set('/calendar', (request, response) => {
      const month = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('m') ?? 0)
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><body><a href="/calendar?m=${month + 1}">下个月</a> <a href="/calendar?m=${month - 1}">上个月</a></body></html>`,
        )
    })
    routes.set('/loop-a', (_request, response) => response.writeHead(302, { location: '/loop-b' }).end())
    routes.set('/loop-b', (_request, response) => response.writeHead(302, { location: '/loop-a' }).end())
    routes.set('/slow', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.write('<html><body><p>这一页永远')
    })
    routes.set('/big.png', (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' })
      const chunk = Buffer.alloc(1024 * 1024)
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(chunk)
      let sent = 0
      const more = () => {
        while (sent < BIG_IMAGE_BYTES) {
          sent += chunk.length
          if (!response.write(chunk)) return response.once('drain', more)
        }
        response.end()
      }
      response.on('error', () => {})
      more()
    })
    routes.set('/hostile.html', {
      body: `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="带脚本的文章">
<meta name="PubDate" content="2023-01-01 08:00"></head><body><div class="article-content">
<p>正文内容</p><script>alert(1)</script><img src="/nothing.png" onerror="alert(2)">
<a href="javascript:alert(3)">点我</a><p onclick="alert(4)">段落</p><img src="/big.png" alt="大图">
<img src="${elsewhere}/pixel.png"><iframe src="https://evil.example/"></iframe>
<svg><script>alert(5)</script></svg><a href="${elsewhere}/page">外链</a></div></body></html>`,
    })
    return routes
  }
}
