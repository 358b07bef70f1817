import { type Command, InvalidArgumentError } from 'commander'
import type { Site, SiteInput, SitePatch } from '../../content/index.ts'
import { withApp } from '../open-app.ts'
import { withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'

interface SiteOptions {
  data: string
  json?: boolean
  slug?: string
  name?: string
  baseUrl?: string
  language?: 'zh-CN' | 'en'
  timeZone?: string
  outputPrefix?: string
  theme?: string
  orgCode?: string
  siteIdCode?: string
  icp?: string
  policeRecord?: string
  sponsor?: string
  contact?: string
  articleUrlPattern?: string
  sharesSearch?: boolean
}

const FIELDS = [
  'slug',
  'name',
  'baseUrl',
  'language',
  'timeZone',
  'outputPrefix',
  'theme',
  'orgCode',
  'siteIdCode',
  'icp',
  'policeRecord',
  'sponsor',
  'contact',
  'articleUrlPattern',
] as const

function withSiteFields(command: Command): Command {
  return command
    .option('--name <name>', '站点名称 / site name')
    .option('--base-url <url>', '站点网址 / the public base URL, https://…')
    .option('--language <lang>', '语言 zh-CN 或 en / language')
    .option('--time-zone <zone>', '时区，默认 Asia/Shanghai / IANA time zone')
    .option('--output-prefix <path>', '输出路径前缀 / path prefix of its output')
    .option('--theme <name>', '主题名 / theme name')
    .option('--org-code <code>', '机构代码，用于索引号 / organisation code for 索引号')
    .option('--site-id-code <code>', '网站标识码 / government site ID code')
    .option('--icp <text>', 'ICP备案号')
    .option('--police-record <text>', '公安备案号')
    .option('--sponsor <text>', '主办单位 / sponsoring organisation')
    .option('--contact <text>', '联系方式 / contact line')
    .option(
      '--article-url-pattern <pattern>',
      '文章链接规则 / article URL pattern, {column}/{yyyy}/{mm}/{dd}/{id}.html',
    )
    .option(
      '--shares-search <yes|no>',
      '站群内其他站点的搜索能否搜到本站 / whether the other sites’ search finds this site’s pages',
      yesNo,
    )
}

function yesNo(value: string): boolean {
  if (value === 'yes') return true
  if (value === 'no') return false
  throw new InvalidArgumentError('须为 yes 或 no / must be yes or no')
}

function pick(options: SiteOptions): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {}
  for (const field of FIELDS) {
    const value = options[field]
    if (value !== undefined) values[field] = value
  }
  if (options.sharesSearch !== undefined) values.sharesSearch = options.sharesSearch
  return values
}

export function printSite(site: Site): void {
  print(
    formatTable(
      ['字段 field', '值 value'],
      [
        ['ID', site.id],
        ['代号 slug', site.slug],
        ['名称 name', site.name],
        ['网址 base URL', site.baseUrl],
        ['语言 language', site.language],
        ['时区 time zone', site.timeZone],
        ['主题 theme', site.theme],
        ['机构代码 org code', site.orgCode],
        ['网站标识码', site.siteIdCode],
        ['ICP备案号', site.icp],
        ['公安备案号', site.policeRecord],
        ['主办单位 sponsor', site.sponsor],
        ['联系方式 contact', site.contact],
        ['文章链接规则 article URLs', site.articleUrlPattern],
        ['站群搜索 shared search', site.sharesSearch ? '是 yes' : '否 no'],
      ],
    ),
  )
}

export function registerSite(program: Command): void {
  const site = program.command('site').description('站点 / sites')

  withCommonOptions(site.command('list').description('列出站点 / list the sites')).action(
    async (options: SiteOptions) => {
      await withApp(options.data, async ({ content }) => {
        const sites = await content.sites.list()
        if (options.json) return printJson(sites)
        print(
          formatTable(
            ['ID', '代号 slug', '名称 name', '网址 base URL'],
            sites.map((s) => [s.id, s.slug, s.name, s.baseUrl]),
          ),
        )
      })
    },
  )

  withCommonOptions(
    site
      .command('show')
      .description('显示一个站点 / show one site')
      .argument('<site>', 'ID 或代号 / id or slug'),
  ).action(async (ref: string, options: SiteOptions) => {
    await withApp(options.data, async ({ content }) => {
      const found = await content.sites.get(ref)
      if (options.json) printJson(found)
      else printSite(found)
    })
  })

  withCommonOptions(
    withSiteFields(
      site
        .command('create')
        .description('新建站点 / create a site')
        .requiredOption('--slug <slug>', '站点代号（小写字母、数字、连字符）/ short name: a-z, 0-9, -'),
    ),
  ).action(async (options: SiteOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const created = await content.sites.create(actor, pick(options) as unknown as SiteInput)
      if (options.json) printJson(created)
      else printSite(created)
    })
  })

  withCommonOptions(
    withSiteFields(
      site
        .command('update')
        .description('修改站点设置 / change site settings')
        .argument('<site>', 'ID 或代号 / id or slug')
        .option('--slug <slug>', '新的站点代号 / new short name'),
    ),
  ).action(async (ref: string, options: SiteOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const updated = await content.sites.update(actor, ref, pick(options) as SitePatch)
      if (options.json) printJson(updated)
      else printSite(updated)
    })
  })
}
