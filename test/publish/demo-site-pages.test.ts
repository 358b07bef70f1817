import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContent, htmlToText } from '../../src/content/index.ts'
import { createDemoSite, seedArticle } from '../../src/demo/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import type { Store } from '../../src/store/index.ts'
import { editor } from '../support/content-fixture.ts'
import { sqliteEngine, type TestStore } from '../support/engines.ts'
import { PAGE_TYPES } from '../support/page-types.ts'

const seedText = readFile(new URL('../../../shared/seed/000_e7048ca01fb71a12.txt', import.meta.url), 'utf8')

/** The positions of each needle in the text, searching on from the previous one: -1 when out of order. */
function positionsInOrder(text: string, needles: readonly string[]): number[] {
  let from = 0
  return needles.map((needle) => {
    const at = text.indexOf(needle, from)
    if (at !== -1) from = at + needle.length
    return at
  })
}

// The theme is engine-independent; one engine suffices for what it renders.
describe('the demo site as published', () => {
  let opened: TestStore
  let store: Store
  let output: string
  let seedPath: string
  const read = (path: string) => readFile(join(output, 'site', path), 'utf8')

  beforeAll(async () => {
    opened = await sqliteEngine.open()
    store = opened.store
    output = await mkdtemp(join(tmpdir(), 'fabu-demo-out-'))
    const content = createContent(store)
    await createDemoSite(content, editor)
    const publisher = new Publisher(store, content, {
      outputRootFor: () => join(output, 'site'),
      manifestDir: join(output, 'manifests'),
    })
    const run = await publisher.publish({ site: 'simt' })
    expect(run.failed).toEqual([])
    const seed = (await content.articles.list({ site: 'simt', text: seedArticle.title })).items[0]
    seedPath = seed?.urlPath ?? ''
  }, 120_000)
  afterAll(async () => {
    await opened.dispose()
    await rm(output, { recursive: true, force: true })
  })

  it('shows the seed page’s elements in the seed’s order on the article page', async () => {
    const text = htmlToText(await read(seedPath)).replace(/\s+/g, ' ')
    const seed = await seedText
    const firstParagraph =
      seed
        .split('\n')
        .find((line) => line.startsWith('近日'))
        ?.slice(0, 30) ?? 'missing'
    const lastParagraph = '为上海在新时代继续当好排头兵、先行者做出新贡献。'
    const order = positionsInOrder(text, [
      '当前位置:',
      '首页',
      '> 基层党建',
      '> 精神文明',
      '扛起文明大旗走在前 勇担社会责任谱新篇',
      '——市计测院蝉联全国文明单位荣誉称号',
      '发布日期:2017-12-14 16:44',
      '浏览次数:',
      firstParagraph,
      '一、以全面从严治党为抓手',
      '五、以事业发展为根本',
      lastParagraph,
      '打印本页',
      '大',
      '中',
      '小',
      '关闭',
      'Produced By',
    ])
    expect(
      order.every((at) => at >= 0),
      JSON.stringify(order),
    ).toBe(true)
  })

  it('shows the seed’s print view: title, subtitle, 时间: 2017 -12 -14, then the body', async () => {
    const text = htmlToText(await read(seedPath.replace('.html', '_print.html'))).replace(/\s+/g, ' ')
    const order = positionsInOrder(text, [
      '扛起文明大旗走在前 勇担社会责任谱新篇',
      '——市计测院蝉联全国文明单位荣誉称号',
      '时间: 2017 -12 -14',
      '近日,市级机关工作党委',
      '做出新贡献。',
    ])
    expect(
      order.every((at) => at >= 0),
      JSON.stringify(order),
    ).toBe(true)
  })

  it('carries the government page meta tags, a canonical URL and Open Graph tags', async () => {
    const page = await read(seedPath)
    for (const name of [
      'SiteName',
      'SiteDomain',
      'SiteIDCode',
      'ColumnName',
      'ArticleTitle',
      'PubDate',
      'ContentSource',
      'Keywords',
      'Author',
      'Description',
      'Url',
    ]) {
      expect(page).toMatch(new RegExp(`<meta name="${name}" content="[^"]*">`))
    }
    expect(page).toContain('<meta name="PubDate" content="2017-12-14 16:44">')
    expect(page).toContain(`<link rel="canonical" href="https://www.simt.com.cn/${seedPath}">`)
    expect(page).toContain('<meta property="og:title" content="扛起文明大旗走在前 勇担社会责任谱新篇">')
  })

  it('shows the footer identifiers, the ICP number linked to the registry', async () => {
    const page = await read('index.html')
    expect(page).toContain('网站标识码：3100000000')
    expect(page).toMatch(/<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>沪ICP备/)
    expect(page).toContain('沪公网安备')
    expect(page).toContain('主办单位：上海市计量测试技术研究院')
  })

  it('writes valid HTML for every page type', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Article bodies are editors' HTML, kept as pasted (sanitized, not restyled).
        'no-inline-style': 'off',
        'no-trailing-whitespace': 'off',
        'long-title': 'off',
      },
    })
    const problems: string[] = []
    for (const [type, path] of Object.entries(PAGE_TYPES(seedPath))) {
      const report = await validator.validateString(await read(path), path)
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(
            `${type} ${path}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
          )
      }
    }
    expect(problems).toEqual([])
  })
})
