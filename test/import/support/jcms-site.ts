import sharp from 'sharp'
import { gbk, type Route } from './fixture-server.ts'

/**
 * A Hanweb JCMS (大汉版通) site as its pages come: GBK declared only in `<meta>` (and as
 * gb2312, which 堃 is outside of), columns at /col/col{id}/index.html whose first records sit in
 * a `<datastore>` and the rest behind the data proxy, articles at /art/{y}/{m}/{d}/art_{col}_{id}.html.
 */
export const JCMS_ARTICLES = 7

export async function jcmsSite(): Promise<(origin: string) => Map<string, Route>> {
  const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
  return (origin) => {
    const routes = new Map<string, Route>()
    const page = (path: string, html: string) => routes.set(path, { body: gbk(html), type: 'text/html' })
    page('/', home())
    page('/index.html', home())
    page('/col/col101/index.html', column('101', '基层党建', ['基层党建'], [], ['102', '精神文明']))
    page('/col/col102/index.html', column('102', '精神文明', ['基层党建', '精神文明'], [1, 2, 3]))
    page('/col/col200/index.html', column('200', '政务公开', ['政务公开'], [], ['201', '政策文件']))
    page('/col/col201/index.html', column('201', '政策文件', ['政务公开', '政策文件'], [9]))
    routes.set('/module/web/jpage/dataproxy.jsp', (request, response, body) => {
      const form = new URLSearchParams(body)
      const query = new URL(request.url ?? '/', origin).searchParams
      const start = Number(query.get('startrecord'))
      const end = Math.min(Number(query.get('endrecord')), JCMS_ARTICLES)
      if (request.method !== 'POST' || form.get('columnid') !== '102' || form.get('unitid') !== '3001') {
        response.writeHead(400).end()
        return
      }
      const records: string[] = []
      for (let n = start; n <= end; n++) records.push(record(n))
      response
        .writeHead(200, { 'content-type': 'text/xml; charset=UTF-8' })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>${JCMS_ARTICLES}</totalrecord><recordset>${records.join('')}</recordset></datastore>`,
        )
    })
    for (let n = 1; n <= JCMS_ARTICLES; n++) page(`/art/2017/12/${10 + n}/art_102_${n}.html`, article(n))
    page('/art/2024/3/5/art_201_9.html', disclosureArticle())
    // A page saved once as GBK after a round trip through UTF-8 replacement characters.
    page('/art/2018/1/2/art_102_99.html', article(99).replace('精神文明建设', '锟斤拷锟斤拷'))
    routes.set('/picture/0/1712/hero.png', { body: png, type: 'image/png' })
    routes.set('/module/download/downfile.jsp', { body: pdf, type: 'application/octet-stream' })
    return routes
  }
}

function record(n: number): string {
  return `<record><![CDATA[<li><a href="/art/2017/12/${10 + n}/art_102_${n}.html" target="_blank" title="文明新风第${n}期">文明新风第${n}期</a><span>2017-12-${10 + n}</span></li>]]></record>`
}

function head(title: string, extra = ''): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="Generator" content="大汉版通"><title>${title}</title>${extra}</head>`
}

function home(): string {
  return `${head('某某市人民政府')}<body><div class="nav"><a href="/">首页</a>
<a href="/col/col200/index.html">政务公开</a> <a href="/col/col101/index.html">基层党建</a>
<a href="http://www.gov.cn/">中国政府网</a></div>
<div class="old"><a href="/art/2018/1/2/art_102_99.html">旧文章</a></div></body></html>`
}

function column(
  id: string,
  name: string,
  trail: string[],
  first: number[],
  child?: [string, string],
): string {
  const parents: Record<string, string> = { 基层党建: '101', 政务公开: '200' }
  const crumbs = trail
    .map((step) => `<a href="/col/col${step === name ? id : parents[step]}/index.html">${step}</a>`)
    .join(' &gt; ')
  const records = first.map((n) =>
    n === 9
      ? `<record><![CDATA[<li><a href="/art/2024/3/5/art_201_9.html">关于印发计量工作要点的通知</a></li>]]></record>`
      : record(n),
  )
  return `${head(name)}<body><div class="crumb">当前位置：<a href="/">首页</a> &gt; ${crumbs}</div>
${child ? `<ul class="sub"><li><a href="/col/col${child[0]}/index.html">${child[1]}</a></li></ul>` : ''}
<div id="3001"><script type="text/xml"><datastore><totalrecord>${id === '102' ? JCMS_ARTICLES : first.length}</totalrecord>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid=${id}&unitid=3001&webname=%E6%9F%90%E6%9F%90&permissiontype=0&perpage=3"></a>]]></nextgroup>
<recordset>${records.join('\n')}</recordset></datastore></script></div>
<script language="javascript" src="/module/web/jpage/jpage.js"></script></body></html>`
}

function article(n: number): string {
  const title = `文明新风第${n}期`
  return `${head(
    `${title}_某某市人民政府`,
    `<meta name="SiteName" content="某某市人民政府"><meta name="ColumnName" content="精神文明">
<meta name="ArticleTitle" content="${title}"><meta name="PubDate" content="2017-12-${10 + n} 16:44">
<meta name="ContentSource" content="市文明办"><meta name="Keywords" content="精神文明,志愿服务">
<meta name="Author" content="王堃"><meta name="Description" content="第${n}期文明新风摘要">`,
  )}<body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col101/index.html">基层党建</a> &gt; <a href="/col/col102/index.html">精神文明</a></div>
<table><tr><td class="title">${title}</td></tr>
<tr><td class="subtitle">——记社区志愿者张喆</td></tr>
<tr><td>发布日期：2017-12-${10 + n} 16:44 浏览次数：<script src="/module/visitcount/articlehits.jsp?colid=102&artid=${n}"></script></td></tr>
<tr><td><div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
<p style="text-indent:2em">精神文明建设是第${n}件实事，志愿者王堃讲述。</p>
<p><img src="/picture/0/1712/hero.png" alt="活动照片"></p>
<p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=2017%E5%B9%B4%E8%AE%A1%E5%88%92.pdf">2017年计划</a></p>
<p>参见<a href="/art/2017/12/12/art_102_2.html">第2期</a>和<a href="http://www.gov.cn/zhengce/">中国政府网</a>。</p>
<script>document.write('counter')</script>
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div></td></tr>
<tr><td><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table><div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a></div></body></html>`
}

function disclosureArticle(): string {
  return `${head('关于印发计量工作要点的通知', '<meta name="ArticleTitle" content="关于印发计量工作要点的通知"><meta name="PubDate" content="2024-03-05 09:05">')}<body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col200/index.html">政务公开</a> &gt; <a href="/col/col201/index.html">政策文件</a></div>
<table class="xxgk"><tr><td>索引号：</td><td>11310000002424375M/2024-00012</td><td>主题分类：</td><td>质量技术监督</td></tr>
<tr><td>发文机关：</td><td>某某市市场监督管理局</td><td>成文日期：</td><td>2024年03月01日</td></tr>
<tr><td>文号：</td><td>沪市监计〔2024〕12号</td><td></td><td></td></tr></table>
<div id="zoom"><!--ZJEG_RSS.content.begin--><p>各区市场监管局：现将《计量工作要点》印发给你们。</p><!--ZJEG_RSS.content.end--></div></body></html>`
}
