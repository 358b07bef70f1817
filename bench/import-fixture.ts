// The loopback site `npm run bench:import` reads: a TRS-shaped site of N articles in 10 columns,
// run as a process of its own so that serving it does not share the importer's thread.
// Prints its origin on stdout, then serves until killed.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const ARTICLES = Number(process.argv[2] ?? 10_000)
const CHANNELS = 10
const PER_LIST_PAGE = 100
const perChannel = Math.ceil(ARTICLES / CHANNELS)
const PARAGRAPH =
  '为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，进一步提升政务服务水平，现就有关事项通知如下。'

/** Pages are made on request, so the fixture itself holds nothing in memory. */
function page(path: string): string | null {
  if (path === '/') {
    const links = Array.from(
      { length: CHANNELS },
      (_, c) => `<a href="/lm${c}/index.html">栏目${c}</a>`,
    ).join(' ')
    return `<html><head><meta charset="utf-8"><title>基准站点</title></head><body>${links}</body></html>`
  }
  const list = /^\/lm(\d+)\/index(?:_(\d+))?\.html$/.exec(path)
  if (list) {
    const channel = Number(list[1])
    const pageNo = Number(list[2] ?? 0)
    const pages = Math.ceil(perChannel / PER_LIST_PAGE)
    const links: string[] = []
    for (let i = pageNo * PER_LIST_PAGE; i < Math.min(perChannel, (pageNo + 1) * PER_LIST_PAGE); i++) {
      const id = channel * perChannel + i
      if (id < ARTICLES)
        links.push(
          `<li><a href="/lm${channel}/202001/t202001${String((id % 28) + 1).padStart(2, '0')}_${id}.html">文章${id}</a></li>`,
        )
    }
    return `<html><head><meta charset="utf-8"><title>栏目${channel}</title></head><body><ul>${links.join('')}</ul>
<script>createPageHTML(${pages}, ${pageNo}, "index", "html");</script></body></html>`
  }
  const article = /^\/lm(\d+)\/202001\/t202001(\d\d)_(\d+)\.html$/.exec(path)
  if (article) {
    const [, channel, day, id] = article
    return `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于第${id}号事项的通知">
<meta name="PubDate" content="2020-01-${day} 09:30"><meta name="ContentSource" content="办公室"></head><body>
<div class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/lm${channel}/index.html">栏目${channel}</a></div>
<h1>关于第${id}号事项的通知</h1><div class="TRS_Editor">${`<p>${PARAGRAPH}</p>`.repeat(30)}</div></body></html>`
  }
  return null
}

const server = createServer((request, response) => {
  const body = page((request.url ?? '/').split('?')[0] ?? '/')
  if (body === null) response.writeHead(404).end()
  else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)
})
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`)
