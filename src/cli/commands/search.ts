import type { Command } from 'commander'
import { ValidationError } from '../../errors/index.ts'
import { queueReindex } from '../../jobs/index.ts'
import {
  rebuildSearchIndex,
  replaceSynonymGroups,
  searchSites,
  synonymGroups,
  topSearches,
} from '../../search/index.ts'
import { withApp } from '../open-app.ts'
import { positiveInt, readInputFile, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

interface SearchOptions {
  data: string
  json?: boolean
  site?: string
  page?: number
  sort?: 'relevance' | 'time'
  title?: boolean
  set?: string
  encoding?: string
  nothingFound?: boolean
  queue?: boolean
}

const SITE_OPTION = ['--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug'] as const

/** The site search from the terminal: rebuild its index, try a query, its synonyms and its popular queries. */
export function registerSearch(program: Command): void {
  const search = program.command('search').description('站内搜索 / the site search')

  withCommonOptions(
    search
      .command('reindex')
      .description(
        '重建站点的搜索索引（发布时会自动更新）/ rebuild a site’s search index (publishing keeps it in step)',
      )
      .option(...SITE_OPTION)
      .option(
        '--queue',
        '交给 fabu worker 执行并立即返回（需 PostgreSQL）/ leave it to a fabu worker and return at once (PostgreSQL)',
      ),
  ).action(async (options: SearchOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      if (options.queue) {
        if (app.store.engine !== 'postgres' || !app.config.databaseUrl)
          throw new ValidationError(
            '--queue',
            '只有 PostgreSQL 上才有 fabu worker 可交付；SQLite 上直接重建',
            'only on PostgreSQL is there a fabu worker to leave it to; on SQLite reindex without --queue',
          )
        const id = await queueReindex(app.store, app.config.databaseUrl, site.id)
        if (options.json) return printJson({ site: site.slug, queued: id !== null, job: id })
        return print(
          id
            ? `${site.slug}: 已排队，由 fabu worker 重建 / queued (job ${id}); a fabu worker rebuilds it`
            : `${site.slug}: 已有一个重建在排队 / a reindex was already waiting; merged with it`,
        )
      }
      const started = performance.now()
      const progress = process.stderr.isTTY && !options.json ? progressBar() : undefined
      const report = await rebuildSearchIndex(app.store, site.id, progress)
      if (progress) process.stderr.write('\n')
      const seconds = (performance.now() - started) / 1000
      if (options.json) return printJson({ site: site.slug, ...report, seconds })
      print(
        `${site.slug}: 已索引 ${report.indexed} 篇 / indexed ${report.indexed} in ${seconds.toFixed(1)} s`,
      )
    })
  })

  withCommonOptions(
    search
      .command('query')
      .description('按访客的方式搜索 / search as a visitor does')
      .argument('<query>', '搜索词 / the query')
      .option(...SITE_OPTION)
      .option('--page <n>', '页码 / page', positiveInt)
      .option('--sort <order>', 'relevance | time')
      .option('--title', '仅搜索标题 / titles only'),
  ).action(async (query: string, options: SearchOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const results = await searchSites(app.store, {
        siteId: site.id,
        q: query,
        ...(options.page ? { page: options.page } : {}),
        ...(options.sort ? { sort: options.sort } : {}),
        ...(options.title ? { in: 'title' as const } : {}),
      })
      if (options.json) return printJson(results)
      const total = `${results.total}${results.isTotalCapped ? '+' : ''}`
      print(`共 ${total} 条 / ${total} found (第 ${results.page}/${results.pages} 页 page)`)
      if (results.suggestions.length > 0)
        print(`您是不是要找 / did you mean: ${results.suggestions.join('、')}`)
      print(
        formatTable(
          ['发布时间 published', '标题 title', '网址 URL'],
          results.results.map((hit) => [hit.publishTime?.slice(0, 10) ?? '', hit.title, hit.url]),
        ),
      )
    })
  })

  withCommonOptions(
    search
      .command('synonyms')
      .description(
        '查看或替换站点的同义词（每行一组，词之间用空格或逗号分隔）/ show or replace a site’s synonym groups (one group a line)',
      )
      .option(...SITE_OPTION)
      .option('--set <file>', '用文件中的各组替换 / replace them with the groups in the file')
      .option('--encoding <charset>', '文件编码，默认 utf-8 / the file’s encoding'),
  ).action(async (options: SearchOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const groups = options.set
        ? await replaceSynonymGroups(
            app.store,
            app.operator,
            site.id,
            readInputFile(options.set, '--set', options.encoding)
              .split('\n')
              .map((line) => line.split(/[\s,，、]+/).filter(Boolean))
              .filter((words) => words.length > 0),
          )
        : await synonymGroups(app.store, site.id)
      if (options.json) return printJson(groups)
      for (const group of groups) print(group.join(' '))
      if (groups.length === 0) print(`${site.slug}: 没有同义词 / no synonyms`)
    })
  })

  withCommonOptions(
    search
      .command('top')
      .description(
        '近 30 天的热门搜索，或没有结果的搜索 / the last 30 days’ popular queries, or those that found nothing',
      )
      .option(...SITE_OPTION)
      .option('--nothing-found', '没有结果的搜索 / the queries that found nothing'),
  ).action(async (options: SearchOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const rows = await topSearches(app.store, site.id, {
        limit: 20,
        foundNothing: options.nothingFound === true,
      })
      if (options.json) return printJson(rows)
      print(
        formatTable(
          ['搜索词 query', '次数 searches', '结果 hits'],
          rows.map((row) => [row.query, String(row.searches), String(row.hits)]),
        ),
      )
    })
  })
}

function progressBar(): (done: number, total: number) => void {
  let last = 0
  return (done, total) => {
    const now = performance.now()
    if (now - last < 100 && done < total) return
    last = now
    const width = 30
    const filled = total === 0 ? width : Math.round((done / total) * width)
    process.stderr.write(
      `\r索引中 / indexing [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
    )
  }
}
