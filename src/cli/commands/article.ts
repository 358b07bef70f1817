import type { Command } from 'commander'
import {
  type Article,
  type ArticleStatus,
  articleStatuses,
  type Content,
  formatZonedMinute,
  type Site,
} from '../../content/index.ts'
import { withApp } from '../open-app.ts'
import {
  encodingOption,
  list,
  positiveInt,
  readInputFile,
  readJsonFile,
  wholeNumber,
  withCommonOptions,
} from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveColumn, resolveSite } from './resolve-refs.ts'

interface ArticleOptions {
  data: string
  json?: boolean
  site?: string
  column?: string
  status?: ArticleStatus
  text?: string
  deleted?: boolean
  limit: number
  offset: number
  title?: string
  subtitle?: string
  source?: string
  author?: string
  summary?: string
  keywords?: string[]
  bodyFile?: string
  publishAt?: string
  weight?: number
  pinnedUntil?: string
  externalUrl?: string
  cover?: string
  alsoIn?: string[]
  fieldsFile?: string
  encoding?: string
  topic?: string
  agency?: string
  writtenDate?: string
  docNo?: string
  subjectWords?: string[]
  baseRevision?: number
  reason?: string
  days?: number
}

const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: '草稿 draft',
  submitted: '待审 submitted',
  rejected: '退回 rejected',
  scheduled: '定时 scheduled',
  published: '已发布 published',
  withdrawn: '已撤稿 withdrawn',
}

function withArticleFields(command: Command): Command {
  return command
    .option('--column <column>', '所属栏目 ID 或路径，如 jcdj/jswm / home column id or path')
    .option('--title <text>', '标题 / title')
    .option('--subtitle <text>', '副标题 / subtitle')
    .option('--source <text>', '来源 / source')
    .option('--author <text>', '作者 / author')
    .option('--summary <text>', '摘要 / summary')
    .option('--keywords <list>', '关键词，逗号分隔 / comma-separated keywords', list)
    .option('--body-file <file>', '正文 HTML 文件，- 表示标准输入 / body HTML file, - for stdin')
    .option(
      '--publish-at <time>',
      '发布时间，如 "2017-12-14 16:44"（站点时区）/ publish time in the site zone',
    )
    .option('--weight <n>', '置顶权重，0 为不置顶 / pin weight, 0 = not pinned', wholeNumber)
    .option(
      '--pinned-until <time>',
      '置顶截止时间（站点时区），none 为一直置顶 / the pin ends then (site zone); none: never',
    )
    .option('--external-url <url>', '外链文章的地址 / link instead of a body')
    .option('--cover <url>', '封面图片 / cover image URL')
    .option('--also-in <columns>', '同时出现在这些栏目（引用），逗号分隔 / also in these columns', list)
    .option('--fields-file <file>', '自定义字段值 JSON 文件 / JSON file with custom field values')
    .option('--topic <text>', '主题分类（信息公开）/ disclosure topic category')
    .option('--agency <text>', '发文机关（信息公开）/ issuing agency')
    .option('--written-date <date>', '成文日期 YYYY-MM-DD / date written')
    .option('--doc-no <text>', '文号 / document number')
    .option('--subject-words <list>', '主题词，逗号分隔 / subject words', list)
    .addOption(encodingOption())
}

async function fieldsOf(content: Content, site: Site, options: ArticleOptions, current?: Article) {
  const values: Record<string, unknown> = {
    title: options.title,
    subtitle: options.subtitle,
    source: options.source,
    author: options.author,
    summary: options.summary,
    keywords: options.keywords,
    publishAt: options.publishAt,
    weight: options.weight,
    pinnedUntil: options.pinnedUntil === 'none' ? null : options.pinnedUntil,
    externalUrl: options.externalUrl,
    coverImage: options.cover,
    bodyHtml:
      options.bodyFile === undefined
        ? undefined
        : readInputFile(options.bodyFile, '--body-file', options.encoding),
    customFields:
      options.fieldsFile === undefined
        ? undefined
        : readJsonFile(options.fieldsFile, '--fields-file', options.encoding),
  }
  if (options.column) values.columnId = (await resolveColumn(content, site, options.column)).id
  if (options.alsoIn) {
    values.alsoInColumnIds = await Promise.all(
      options.alsoIn.map(async (ref) => (await resolveColumn(content, site, ref)).id),
    )
  }
  const touchesDisclosure = [
    options.topic,
    options.agency,
    options.writtenDate,
    options.docNo,
    options.subjectWords,
  ].some((value) => value !== undefined)
  if (touchesDisclosure) {
    const before = current?.disclosure
    values.disclosure = {
      topicCategory: options.topic ?? before?.topicCategory ?? '',
      issuingAgency: options.agency ?? before?.issuingAgency ?? '',
      writtenDate: options.writtenDate ?? before?.writtenDate ?? null,
      documentNo: options.docNo ?? before?.documentNo ?? '',
      subjectWords: options.subjectWords ?? before?.subjectWords ?? [],
    }
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

/** Articles as --json prints them: every field, plus the publish time as the site shows it. */
function forJson(article: Article, site: Site) {
  return {
    ...article,
    publishTime: article.publishAt ? formatZonedMinute(article.publishAt, site.timeZone) : null,
  }
}

function printArticle(article: Article, site: Site): void {
  const time = article.publishAt ? formatZonedMinute(article.publishAt, site.timeZone) : ''
  const rows: unknown[][] = [
    ['ID', article.id],
    ['标题 title', article.title],
    ['副标题 subtitle', article.subtitle ? `——${article.subtitle}` : ''],
    ['状态 status', STATUS_LABEL[article.status]],
    ['发布日期 publish time', time],
    ['来源 source', article.source],
    ['作者 author', article.author],
    ['关键词 keywords', article.keywords.join('、')],
    ['栏目 column', article.columnId],
    ['引用 also in', article.alsoInColumnIds.join(', ')],
    ['版本 revision', article.revision],
  ]
  if (article.disclosure) {
    rows.push(
      ['索引号 index no.', article.disclosure.indexNo ?? ''],
      ['主题分类 topic', article.disclosure.topicCategory],
      ['发文机关 agency', article.disclosure.issuingAgency],
      ['成文日期 written', article.disclosure.writtenDate ?? ''],
      ['文号 doc no.', article.disclosure.documentNo],
    )
  }
  print(formatTable(['字段 field', '值 value'], rows))
}

export function registerArticle(program: Command): void {
  const article = program.command('article').description('文章（信息）/ articles')
  const siteOption = ['--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug'] as const

  withCommonOptions(
    article
      .command('list')
      .description('列出文章，置顶在前，新的在前 / list articles, pinned then newest first')
      .option(...siteOption)
      .option('--column <column>', '栏目 ID 或路径（含引用到该栏目的文章）/ column id or path')
      .option('--status <status>', `状态 / status: ${articleStatuses.join(', ')}`)
      .option('--text <words>', '标题包含的文字 / words in the title')
      .option('--deleted', '列出回收站 / list the recycle bin')
      .option('--limit <n>', '最多条数 / at most this many', positiveInt, 200)
      .option('--offset <n>', '跳过条数 / skip this many', wholeNumber, 0),
  ).action(async (options: ArticleOptions) => {
    await withApp(options.data, async ({ content }) => {
      const site = await resolveSite(content, options.site)
      const column = options.column ? await resolveColumn(content, site, options.column) : undefined
      const result = await content.articles.list({
        site: site.id,
        columnId: column?.id,
        includesDescendants: column?.includesDescendants ?? false,
        status: options.status,
        text: options.text,
        isDeleted: options.deleted ?? false,
        limit: Math.min(options.limit, 500),
        offset: options.offset,
      })
      if (options.json) return printJson(result.items.map((item) => forJson(item, site)))
      const tree = await content.columns.tree(site.id)
      print(
        formatTable(
          ['ID', '状态 status', '发布日期 published', '栏目 column', '标题 title'],
          result.items.map((a) => [
            a.id,
            STATUS_LABEL[a.status],
            a.publishAt ? formatZonedMinute(a.publishAt, site.timeZone) : '',
            tree.get(a.columnId)?.path ?? a.columnId,
            (a.weight > 0 ? '[置顶] ' : '') + a.title,
          ]),
        ),
      )
      print(
        `共 ${result.total} 篇，显示 ${result.items.length} 篇 / ${result.items.length} of ${result.total} shown`,
      )
    })
  })

  withCommonOptions(
    article
      .command('show')
      .description('显示一篇文章 / show one article')
      .argument('<id>', '文章 ID / article id', positiveInt),
  ).action(async (id: number, options: ArticleOptions) => {
    await withApp(options.data, async ({ content }) => {
      const found = await content.articles.get(id)
      const site = await content.sites.get(found.siteId)
      if (options.json) printJson(forJson(found, site))
      else printArticle(found, site)
    })
  })

  withCommonOptions(
    withArticleFields(
      article
        .command('create')
        .description('新建文章（草稿）/ create an article as a draft')
        .option(...siteOption),
    ),
  ).action(async (options: ArticleOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const site = await resolveSite(content, options.site)
      const created = await content.articles.create(actor, (await fieldsOf(content, site, options)) as never)
      if (options.json) printJson(forJson(created, site))
      else printArticle(created, site)
    })
  })

  withCommonOptions(
    withArticleFields(
      article
        .command('update')
        .description('修改文章；须给出所基于的版本，防止覆盖他人的修改 / save changes based on a revision')
        .argument('<id>', '文章 ID / article id', positiveInt)
        .requiredOption(
          '--base-revision <n>',
          '编辑所基于的版本号（见 article show）/ the revision you edited',
          positiveInt,
        ),
    ),
  ).action(async (id: number, options: ArticleOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const current = await content.articles.get(id)
      const site = await content.sites.get(current.siteId)
      const patch = {
        ...(await fieldsOf(content, site, options, current)),
        baseRevision: options.baseRevision,
      }
      const updated = await content.articles.update(actor, id, patch as never)
      if (options.json) printJson(forJson(updated, site))
      else printArticle(updated, site)
    })
  })

  const transition = (name: 'publish' | 'withdraw' | 'delete' | 'restore', description: string) =>
    withCommonOptions(
      article.command(name).description(description).argument('<id>', '文章 ID / article id', positiveInt),
    )

  transition('publish', '发布文章 / publish an article')
    .option(
      '--override-reason <text>',
      '含禁用词仍发布的理由（记入审计日志）/ publish despite forbidden words, for this reason (audited)',
    )
    .action(async (id: number, options: ArticleOptions & { overrideReason?: string }) => {
      await withApp(options.data, async ({ content, actor }) => {
        const done = await content.articles.publish(actor, id, { overrideReason: options.overrideReason })
        const site = await content.sites.get(done.siteId)
        if (options.json) printJson(forJson(done, site))
        else print(`已发布 / published: #${done.id} ${done.title}`)
      })
    })

  transition('withdraw', '撤稿，须说明原因 / withdraw a published article, with a reason')
    .requiredOption('--reason <text>', '撤稿原因 / why')
    .action(async (id: number, options: ArticleOptions) => {
      await withApp(options.data, async ({ content, actor }) => {
        const done = await content.articles.withdraw(actor, id, options.reason ?? '')
        if (options.json) printJson(done)
        else print(`已撤稿 / withdrawn: #${done.id} ${done.title}`)
      })
    })

  transition('delete', '删除文章（进入回收站）/ move an article to the recycle bin').action(
    async (id: number, options: ArticleOptions) => {
      await withApp(options.data, async ({ content, actor }) => {
        await content.articles.delete(actor, id)
        if (options.json) printJson({ deleted: id })
        else print(`已移入回收站 / in the recycle bin: #${id}`)
      })
    },
  )

  transition('restore', '从回收站恢复 / restore from the recycle bin').action(
    async (id: number, options: ArticleOptions) => {
      await withApp(options.data, async ({ content, actor }) => {
        const done = await content.articles.restore(actor, id)
        if (options.json) printJson(done)
        else print(`已恢复 / restored: #${done.id} ${done.title}`)
      })
    },
  )

  withCommonOptions(
    article
      .command('revisions')
      .description('修订历史 / revision history')
      .argument('<id>', '文章 ID / article id', positiveInt),
  ).action(async (id: number, options: ArticleOptions) => {
    await withApp(options.data, async ({ content }) => {
      const history = await content.articles.revisions(id)
      if (options.json) return printJson(history)
      print(
        formatTable(
          ['版本 revision', '修改人 by', '时间 at'],
          history.map((r) => [r.revision, r.actor, r.createdAt]),
        ),
      )
    })
  })

  withCommonOptions(
    article
      .command('diff')
      .description('比较两个版本 / compare two revisions')
      .argument('<id>', '文章 ID / article id', positiveInt)
      .argument('<from>', '旧版本 / older revision', positiveInt)
      .argument('<to>', '新版本 / newer revision', positiveInt),
  ).action(async (id: number, from: number, to: number, options: ArticleOptions) => {
    await withApp(options.data, async ({ content }) => {
      const diff = await content.articles.diff(id, from, to)
      if (options.json) return printJson(diff)
      for (const change of diff.fields.filter((f) => f.field !== 'bodyHtml')) {
        print(`${change.field}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`)
      }
      const body = diff.body
        .map((part) =>
          part.kind === 'same' ? part.text : part.kind === 'added' ? `[+${part.text}+]` : `[-${part.text}-]`,
        )
        .join('')
      if (diff.body.some((part) => part.kind !== 'same')) print(`正文 body:\n${body}`)
      if (diff.fields.length === 0) print('两个版本相同 / the revisions are the same')
    })
  })

  withCommonOptions(
    article
      .command('purge')
      .description('彻底删除回收站中过期的文章和栏目 / remove expired recycle-bin entries for good')
      .option('--days <n>', '保留天数，默认取配置 / retention in days (default: config)', wholeNumber),
  ).action(async (options: ArticleOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const result = await content.recycleBin.purge(
        actor,
        options.days === undefined ? {} : { olderThanDays: options.days },
      )
      if (options.json) printJson(result)
      else print(`已彻底删除 / purged: ${result.articles} 篇文章 articles, ${result.columns} 个栏目 columns`)
    })
  })
}
