import type { Route } from './fixture-server.ts'

/**
 * A TRS WCM site in UTF-8 (declared in the header): a list paged by `createPageHTML(3, 0,
 * "index", "html")` into index.html, index_1.html, index_2.html, articles at
 * /{channel}/{yyyymm}/t{yyyymmdd}_{id}.html with their bodies in `.TRS_Editor`.
 */
export const TRS_ARTICLES = 6

export function trsSite(): (origin: string) => Map<string, Route> {
  return () => {
    const routes = new Map<string, Route>()
    const page = (path: string, html: string) =>
      routes.set(path, { body: html, type: 'text/html; charset=UTF-8' })
    page(
      '/',
      `<html><head><meta charset="utf-8"><title>某某区人民政府</title></head><body>
<ul class="nav"><li><a href="./xwzx/">新闻中心</a></li><li><a href="./zwgk/">政务公开</a></li></ul></body></html>`,
    )
    page('/zwgk/', listPage('政务公开', [], 1))
    for (let p = 0; p < 3; p++) {
      const items = [1, 2].map((i) => p * 2 + i)
      page(p === 0 ? '/xwzx/' : `/xwzx/index_${p}.html`, listPage('新闻中心', items, 3, p))
      if (p === 0) page('/xwzx/index.html', listPage('新闻中心', items, 3, p))
    }
    for (let n = 1; n <= TRS_ARTICLES; n++)
      page(`/xwzx/201903/t201903${String(n).padStart(2, '0')}_${1000 + n}.html`, article(n))
    return routes
  }
}

function listPage(name: string, items: number[], count: number, current = 0): string {
  const links = items
    .map(
      (n) =>
        `<li><a href="./201903/t201903${String(n).padStart(2, '0')}_${1000 + n}.html">区政府召开第${n}次常务会议</a><span>2019-03-0${n}</span></li>`,
    )
    .join('')
  return `<html><head><meta charset="utf-8"><title>${name}</title></head><body>
<div class="position">您现在的位置：<a href="../">首页</a> &gt; <a href="./">${name}</a></div>
<ul class="list">${links}</ul>
<script language="JavaScript">createPageHTML(${count}, ${current}, "index", "html");</script></body></html>`
}

function article(n: number): string {
  return `<html><head><meta charset="utf-8"><title>区政府召开第${n}次常务会议</title>
<meta name="ArticleTitle" content="区政府召开第${n}次常务会议"><meta name="ContentSource" content="区政府办公室"></head><body>
<div class="position">您现在的位置：<a href="../../">首页</a> &gt; <a href="../">新闻中心</a></div>
<h1>区政府召开第${n}次常务会议</h1>
<div class="info">发布时间：2019-03-0${n} 09:30　来源：区政府办公室　作者：李昇</div>
<div class="TRS_Editor"><style>.TRS_Editor P{line-height:2}</style><p align="center"><font face="仿宋">会议研究了第${n}项工作。</font></p>
<p>详见<a href="../201903/t20190301_1001.html">第1次会议</a>。</p></div>
<div class="share">分享到：微博 微信</div><div><a href="javascript:window.print()">[打印本页]</a> <a href="javascript:window.close()">[关闭窗口]</a></div>
</body></html>`
}
