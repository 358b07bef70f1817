import type { Route } from './fixture-server.ts'

/** A site of no known system whose pages carry only the government meta tags. */
export function metaOnlySite(): (origin: string) => Map<string, Route> {
  return () => {
    const routes = new Map<string, Route>()
    routes.set('/', {
      body: `<html><head><meta charset="utf-8"><title>某某局</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><a href="/news/a1.htm">通知一</a> <a href="/news/a2.htm">通知二</a></body></html>`,
    })
    // Articles 3 and 4 are linked from no page: only the sitemap and the feed know them.
    routes.set('/sitemap.xml', {
      type: 'application/xml',
      body: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/news/a3.htm</loc></url></urlset>`,
    })
    routes.set('/rss.xml', {
      type: 'application/rss+xml',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>某某局</title><item><title>四</title><link>/news/a4.htm</link></item></channel></rss>`,
    })
    for (const n of [1, 2, 3, 4]) {
      routes.set(`/news/a${n}.htm`, {
        body: `<html><head><meta charset="utf-8"><title>x</title>
<meta name="SiteName" content="某某局"><meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="关于开展第${n}批检查的通知"><meta name="PubDate" content="2021-06-0${n} 10:15:00">
<meta name="ContentSource" content="办公室"><meta name="Author" content="赵镕"><meta name="Keywords" content="检查;通知">
<meta name="Description" content="第${n}批检查"></head><body><div class="header">某某局</div>
<div class="article-content"><p>各单位：现开展第${n}批检查，请做好准备。检查内容包括安全生产、计量器具等方面。</p></div>
<div class="footer">主办单位：某某局</div></body></html>`,
      })
    }
    return routes
  }
}

/** A site with no meta tags and no known system: Readability finds the body. */
export function bareSite(): (origin: string) => Map<string, Route> {
  return () => {
    const routes = new Map<string, Route>()
    routes.set('/', {
      body: `<html><head><meta charset="utf-8"><title>某某镇</title></head><body><a href="/show.asp?id=7">镇里新闻</a></body></html>`,
    })
    routes.set('/show.asp?id=7', {
      body: `<html><head><meta charset="utf-8"><title>春耕生产有序推进_某某镇</title></head><body>
<div id="top"><a href="/">首页</a> <a href="/about.asp">关于我们</a></div>
<div id="left"><h1>春耕生产有序推进</h1><div class="meta">发布日期：2022-04-08 08:05 点击数：1024</div>
<div class="main-text"><p>连日来，某某镇抓住晴好天气，组织农户开展春耕生产。全镇已完成翻耕面积三千余亩，占计划的八成以上。</p>
<p>镇农业服务中心派出技术人员深入田间地头，指导农户科学施肥、合理用药，确保春耕生产有序推进。</p>
<p>下一步，该镇将继续加强农资供应和技术服务，为全年粮食丰收打下坚实基础。</p></div></div>
<div id="foot">版权所有：某某镇人民政府</div></body></html>`,
    })
    return routes
  }
}
