import type { Command } from 'commander'
import type { Column, ColumnInput, ColumnKind, ColumnPatch } from '../../content/index.ts'
import { withApp } from '../open-app.ts'
import {
  encodingOption,
  positiveInt,
  readInputFile,
  readJsonFile,
  wholeNumber,
  withCommonOptions,
} from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveColumn, resolveSite } from './resolve-refs.ts'

interface ColumnOptions {
  data: string
  json?: boolean
  site?: string
  parent?: string
  name?: string
  slug?: string
  kind?: ColumnKind
  updateType?: string
  pageSize?: number
  includesDescendants?: boolean
  disclosure?: boolean
  linkUrl?: string
  bodyFile?: string
  listTemplate?: string
  articleTemplate?: string
  fieldsFile?: string
  encoding?: string
  position?: number
}

const KIND_LABEL: Record<ColumnKind, string> = {
  list: '列表 list',
  page: '单页 page',
  link: '外链 link',
  topic: '专题 topic',
}

function withColumnFields(command: Command): Command {
  return command
    .option('--name <name>', '栏目名称 / column name')
    .option('--slug <slug>', '路径名，用于网址 / URL path segment')
    .option('--kind <kind>', 'list（文章列表）、page（单页）或 link（外链）/ list, page or link')
    .option(
      '--update-type <type>',
      '更新类型：news（动态/要闻，两周）、notice（通知公告，六个月）、policy（政策文件，六个月）、other / how fresh the inspection expects it',
    )
    .option('--page-size <n>', '每页文章数 / articles per list page', positiveInt)
    .option('--includes-descendants', '列表包含下级栏目的文章 / lists include descendants’ articles')
    .option('--no-includes-descendants', '列表只含本栏目文章 / lists hold this column’s articles only')
    .option('--disclosure', '信息公开栏目 / a government disclosure column')
    .option('--no-disclosure', '不是信息公开栏目 / not a disclosure column')
    .option('--link-url <url>', '外链地址 / URL of a link column')
    .option('--body-file <file>', '单页栏目正文 HTML 文件 / HTML file with a single page’s body')
    .option('--list-template <file>', '列表页模板 / list template override')
    .option('--article-template <file>', '文章页模板 / article template override')
    .option('--fields-file <file>', '自定义字段定义 JSON 文件 / JSON file with the custom field schema')
    .addOption(encodingOption())
}

function fieldsOf(options: ColumnOptions): Record<string, unknown> {
  const values: Record<string, unknown> = {
    name: options.name,
    slug: options.slug,
    kind: options.kind,
    updateType: options.updateType,
    pageSize: options.pageSize,
    includesDescendants: options.includesDescendants,
    isDisclosure: options.disclosure,
    linkUrl: options.linkUrl,
    listTemplate: options.listTemplate,
    articleTemplate: options.articleTemplate,
    pageBodyHtml:
      options.bodyFile === undefined
        ? undefined
        : readInputFile(options.bodyFile, '--body-file', options.encoding),
    fieldSchema:
      options.fieldsFile === undefined
        ? undefined
        : readJsonFile(options.fieldsFile, '--fields-file', options.encoding),
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

function printColumn(column: Column): void {
  print(
    formatTable(
      ['字段 field', '值 value'],
      [
        ['ID', column.id],
        ['名称 name', column.name],
        ['位置 breadcrumb', `首页 > ${column.trail.join(' > ')}`],
        ['路径 path', `/${column.path}/`],
        ['类型 kind', KIND_LABEL[column.kind]],
        ['更新类型 update type', column.updateType],
        ['每页 page size', column.pageSize],
        ['含下级 includes descendants', column.includesDescendants ? '是 yes' : '否 no'],
        ['信息公开 disclosure', column.isDisclosure ? '是 yes' : '否 no'],
        ['外链 link', column.linkUrl ?? ''],
        ['自定义字段 fields', column.fieldSchema.map((f) => `${f.name}(${f.type})`).join(', ')],
      ],
    ),
  )
}

export function registerColumn(program: Command): void {
  const column = program.command('column').description('栏目 / columns')

  withCommonOptions(
    column
      .command('list')
      .description('以树形列出站点的栏目 / the site’s column tree')
      .option('--site <site>', '站点 ID 或代号 / site id or slug'),
  ).action(async (options: ColumnOptions) => {
    await withApp(options.data, async ({ content }) => {
      const site = await resolveSite(content, options.site)
      const tree = await content.columns.tree(site.id)
      if (options.json) return printJson(tree.roots)
      print(
        formatTable(
          ['ID', '栏目 column', '路径 path', '类型 kind'],
          tree
            .all()
            .map((c) => [c.id, `${'  '.repeat(c.depth)}${c.name}`, `/${c.path}/`, KIND_LABEL[c.kind]]),
        ),
      )
    })
  })

  withCommonOptions(
    column
      .command('show')
      .description('显示一个栏目 / show one column')
      .argument('<column>', '栏目 ID 或路径，如 jcdj/jswm / id or path')
      .option('--site <site>', '站点 ID 或代号 / site id or slug'),
  ).action(async (ref: string, options: ColumnOptions) => {
    await withApp(options.data, async ({ content }) => {
      const found = await resolveColumn(content, await resolveSite(content, options.site), ref)
      if (options.json) printJson(found)
      else printColumn(found)
    })
  })

  withCommonOptions(
    withColumnFields(
      column
        .command('create')
        .description('新建栏目 / create a column')
        .option('--site <site>', '站点 ID 或代号 / site id or slug')
        .option(
          '--parent <column>',
          '上级栏目 ID 或路径，省略则为顶级 / parent id or path; top level if left out',
        )
        .option('--position <n>', '在同级中的位置，从 0 开始 / position among siblings, from 0', wholeNumber),
    ),
  ).action(async (options: ColumnOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const site = await resolveSite(content, options.site)
      const parent = options.parent ? await resolveColumn(content, site, options.parent) : null
      const created = await content.columns.create(actor, {
        ...fieldsOf(options),
        siteId: site.id,
        parentId: parent?.id ?? null,
        position: options.position,
      } as ColumnInput)
      if (options.json) printJson(created)
      else printColumn(created)
    })
  })

  withCommonOptions(
    withColumnFields(
      column
        .command('update')
        .description('修改栏目 / change a column')
        .argument('<column>', '栏目 ID 或路径 / id or path')
        .option('--site <site>', '站点 ID 或代号 / site id or slug'),
    ),
  ).action(async (ref: string, options: ColumnOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const target = await resolveColumn(content, await resolveSite(content, options.site), ref)
      const updated = await content.columns.update(actor, target.id, fieldsOf(options) as ColumnPatch)
      if (options.json) printJson(updated)
      else printColumn(updated)
    })
  })

  withCommonOptions(
    column
      .command('move')
      .description('移动栏目（连同下级）/ move a column with its subtree')
      .argument('<column>', '栏目 ID 或路径 / id or path')
      .option('--site <site>', '站点 ID 或代号 / site id or slug')
      .option('--parent <column>', '新的上级栏目；省略则移到顶级 / new parent; the top level if left out')
      .option('--position <n>', '在新同级中的位置 / position among the new siblings', wholeNumber),
  ).action(async (ref: string, options: ColumnOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const site = await resolveSite(content, options.site)
      const target = await resolveColumn(content, site, ref)
      const parent = options.parent ? await resolveColumn(content, site, options.parent) : null
      const moved = await content.columns.move(actor, target.id, {
        parentId: parent?.id ?? null,
        position: options.position,
      })
      if (options.json) printJson(moved)
      else printColumn(moved)
    })
  })

  withCommonOptions(
    column
      .command('delete')
      .description('删除空栏目（进入回收站）/ delete an empty column (to the recycle bin)')
      .argument('<column>', '栏目 ID 或路径 / id or path')
      .option('--site <site>', '站点 ID 或代号 / site id or slug'),
    { json: false },
  ).action(async (ref: string, options: ColumnOptions) => {
    await withApp(options.data, async ({ content, actor }) => {
      const target = await resolveColumn(content, await resolveSite(content, options.site), ref)
      await content.columns.delete(actor, target.id)
      print(`已删除栏目 / deleted: ${target.name} (/${target.path}/)`)
    })
  })
}
