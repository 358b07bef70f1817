import { sql } from 'kysely'
import { createContent, systemActor } from '../src/content/index.ts'
import type { NewArticleRow, Store } from '../src/store/index.ts'

/**
 * Writes a benchmark site straight into the store: 20 columns (5 sections of 3 children,
 * nested; sections list their children's articles), and `count` published articles of about
 * 2,000 Chinese characters each, spread over the 15 leaf columns. Bypasses the services
 * for speed: this is a corpus, not an editor.
 */
export async function generateCorpus(
  store: Store,
  count: number,
  seed = 1,
  names: { slug: string; name: string } = { slug: 'bench', name: '基准测试站点' },
): Promise<{ siteId: number; leafIds: number[] }> {
  const content = createContent(store)
  const actor = systemActor('bench')
  const site = await content.sites.create(actor, {
    slug: names.slug,
    name: names.name,
    baseUrl: `https://${names.slug}.example.gov.cn`,
    orgCode: '00000000X',
    siteIdCode: '0000000000',
    icp: '京ICP备00000000号',
  })
  const leafIds: number[] = []
  for (let s = 0; s < 5; s++) {
    const section = await content.columns.create(actor, {
      siteId: site.id,
      name: SECTIONS[s] ?? `栏目${s}`,
      slug: `s${s}`,
      includesDescendants: true,
    })
    for (let c = 0; c < 3; c++) {
      const leaf = await content.columns.create(actor, {
        siteId: site.id,
        parentId: section.id,
        name: `${SECTIONS[s]}${CHILDREN[c]}`,
        slug: `c${c}`,
      })
      leafIds.push(leaf.id)
    }
  }
  const random = mulberry32(seed)
  const start = Date.UTC(2010, 0, 1)
  const now = new Date().toISOString()
  const batch = 500
  for (let offset = 0; offset < count; offset += batch) {
    const rows: NewArticleRow[] = []
    for (let i = offset; i < Math.min(count, offset + batch); i++) {
      const publishAt = new Date(start + Math.floor((i / count) * 16 * 365 * 86_400_000))
        .toISOString()
        .slice(0, 16)
      rows.push(
        publishedArticleRow({
          siteId: site.id,
          columnId: leafIds[Math.floor(random() * leafIds.length)] ?? leafIds[0] ?? 0,
          title: title(random, i),
          source: SOURCES[i % SOURCES.length] ?? '',
          bodyHtml: body(random),
          publishAt: `${publishAt}:00.000Z`,
          createdAt: now,
        }),
      )
    }
    await insertArticleRows(store, rows)
  }
  if (store.engine === 'sqlite') await sql`analyze main`.execute(store.db)
  return { siteId: site.id, leafIds }
}

/** A published article row with the corpus's defaults: no URL yet, no disclosure, no quotes. */
export function publishedArticleRow(fields: {
  siteId: number
  columnId: number
  title: string
  bodyHtml: string
  publishAt: string
  createdAt: string
  source?: string
}): NewArticleRow {
  return {
    site_id: fields.siteId,
    column_id: fields.columnId,
    title: fields.title,
    subtitle: '',
    source: fields.source ?? '',
    author: '',
    summary: '',
    keywords: '[]',
    body_html: fields.bodyHtml,
    cover_image: null,
    attachments: '[]',
    custom_fields: '{}',
    weight: 0,
    publish_at: fields.publishAt,
    first_published_at: fields.publishAt,
    status: 'published',
    external_url: null,
    url_path: null,
    url_column_id: null,
    revision: 1,
    index_no: null,
    topic_category: null,
    issuing_agency: null,
    written_date: null,
    document_no: null,
    subject_words: '[]',
    created_by: 'bench',
    created_at: fields.createdAt,
    updated_by: 'bench',
    updated_at: fields.createdAt,
    deleted_at: null,
    deleted_by: null,
  }
}

/**
 * Gives the site's articles the URLs a first full publish would (`<folder>/<id>.html`), for
 * benchmarks and tests that search or list published articles without publishing them.
 */
export async function giveArticleUrls(store: Store, siteId: number, folder: string): Promise<void> {
  await sql`update articles set url_path = ${sql.lit(`${folder}/`)} || id || ${sql.lit('.html')}, url_column_id = column_id where site_id = ${siteId}`.execute(
    store.db,
  )
}

/** Inserts rows in one transaction, 50 to a statement (SQLite's bound-parameter limit). */
export async function insertArticleRows(store: Store, rows: readonly NewArticleRow[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 50)
      await tx
        .insertInto('articles')
        .values(rows.slice(i, i + 50))
        .execute()
  })
}

const SECTIONS = ['新闻中心', '政务公开', '办事服务', '互动交流', '专题专栏']
const CHILDREN = ['要闻', '通知', '动态']
const SOURCES = ['办公室', '政策法规处', '综合业务处', '信息中心']

const PHRASES = [
  '为深入贯彻落实党中央、国务院关于加强计量工作的决策部署',
  '进一步提升计量检定校准服务能力和水平',
  '我院组织开展了形式多样的专题活动',
  '各部门高度重视，精心组织，认真落实各项工作任务',
  '会议强调，要坚持以人民为中心的发展思想',
  '着力解决群众反映强烈的突出问题',
  '持续优化营商环境，推动高质量发展',
  '截至目前，已累计完成检定校准任务十二万余台件',
  '下一步，我院将继续加强能力建设，完善质量管理体系',
  '切实发挥计量技术机构的支撑保障作用',
  '活动现场，工作人员为市民免费检测血压计、电子秤等计量器具',
  '并耐心讲解计量知识和器具使用注意事项',
  '与会代表围绕标准物质研制、量值溯源等议题进行了深入交流',
  '本次培训采用理论授课与实际操作相结合的方式',
  '进一步规范了业务受理流程，缩短了办理时限',
]

function body(random: () => number): string {
  const paragraphs: string[] = []
  let length = 0
  while (length < 2000) {
    const sentences: string[] = []
    for (let s = 0; s < 4; s++) {
      const a = PHRASES[Math.floor(random() * PHRASES.length)] ?? ''
      const b = PHRASES[Math.floor(random() * PHRASES.length)] ?? ''
      sentences.push(`${a}，${b}。`)
    }
    const paragraph = sentences.join('')
    length += paragraph.length
    paragraphs.push(`<p style="text-indent:2em">${paragraph}</p>`)
  }
  return paragraphs.join('\n')
}

function title(random: () => number, i: number): string {
  const a = PHRASES[Math.floor(random() * PHRASES.length)] ?? ''
  return `${a.slice(0, 18)}（第${i + 1}期）`
}

/** A small seeded generator, so every run publishes the same corpus. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
