import { existsSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { type Actor, recordAudit, type Site } from '../../content/index.ts'
import { ValidationError } from '../../errors/index.ts'
import {
  folderSource,
  httpSource,
  type ImportOutcome,
  type ImportReport,
  importSite,
  oldUrlRedirects,
  type PageSource,
  reportCsv,
  rewriteImportedLinks,
  writeOldUrlFiles,
} from '../../importers/index.ts'
import { jobFiles, jobRecords } from '../../jobs/index.ts'
import { type App, publisherOptions, withApp } from '../open-app.ts'
import { positiveInt, wholeNumber, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { printSummary } from './publish.ts'
import { resolveSite } from './resolve-refs.ts'

interface ImportCommandOptions {
  data: string
  json?: boolean
  site: string
  resume?: boolean
  dryRun?: boolean
  since?: string
  concurrency: number
  delay: number
  timeout: number
  maxPages: number
  robots: boolean
  publish: boolean
  report?: string
  assetHost: string[]
  /** Set when `fabu serve` runs the import for an admin job: progress goes to that job. */
  job?: number
}

/** `files.example.gov.cn` or `127.0.0.1:8001`: a host (and port) as a URL's `host` reads. */
function assetHost(value: string, previous: string[]): string[] {
  let host: string
  try {
    host = new URL(`http://${value}`).host
  } catch {
    throw new InvalidArgumentError('须为主机名，如 files.example.gov.cn / must be a host name')
  }
  if (host !== value.toLowerCase())
    throw new InvalidArgumentError('须为主机名（可带端口）/ must be a host[:port]')
  return [...previous, host]
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('须形如 2017-12-14 / must look like 2017-12-14')
  }
  return value
}

const OUTCOME_LABEL: Readonly<Record<ImportOutcome, string>> = {
  imported: '导入 imported',
  updated: '更新 updated',
  unchanged: '未变 unchanged',
  skipped: '跳过 skipped',
  failed: '失败 failed',
  'would import': '将导入 would import',
  'would update': '将更新 would update',
}

export function registerImport(program: Command): void {
  withCommonOptions(
    program
      .command('import')
      .description(
        '导入旧网站（网址或保存的页面文件夹）/ import an old site from its URL or a folder of saved pages',
      )
      .argument(
        '<source>',
        '旧网站首页网址，或 wget 镜像文件夹 / the old home page URL, or a wget mirror folder',
      )
      .requiredOption('--site <site>', '导入到的站点 ID 或代号 / site id or slug to import into')
      .option('--dry-run', '只列出将要导入的内容 / list what would come in, change nothing')
      .option('--resume', '继续上次未完成的导入 / go on with the last unfinished run')
      .option('--since <date>', '只导入此日期及以后发布的文章 / only articles published on or after', isoDate)
      .option('--concurrency <n>', '同时请求数，默认 4 / requests at a time', positiveInt, 4)
      .option('--delay <ms>', '每次请求前等待的毫秒数 / pause before each request (ms)', wholeNumber, 0)
      .option('--timeout <ms>', '单个请求超时毫秒数 / per-request timeout (ms)', positiveInt, 15_000)
      .option('--max-pages <n>', '最多请求的页面数 / most pages to request', positiveInt, 20_000)
      .option(
        '--no-robots',
        '不遵守 robots.txt（须经网站主办单位同意）/ ignore robots.txt (with the owner’s consent)',
      )
      .option(
        '--no-publish',
        '导入后不发布，也不写旧网址跳转 / do not publish nor write old-URL redirects afterwards',
      )
      .option('--report <file>', 'CSV 报告写到此文件 / write the CSV report here')
      .option(
        '--asset-host <host>',
        '图片和附件所在的其他主机，可多次给出 / another host holding the site’s images and attachments (repeatable)',
        assetHost,
        [],
      )
      .addOption(
        new Option('--job <id>', 'fabu serve 运行的导入任务 / the admin job this run is')
          .argParser(positiveInt)
          .hideHelp(),
      ),
  ).action(async (sourceArgument: string, options: ImportCommandOptions) => {
    if (options.concurrency > 32)
      throw new ValidationError('concurrency', '不能超过 32', 'must be 32 at most')
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const source = await openSource(sourceArgument, options)
      const progress = process.stderr.isTTY && !options.json
      const job = options.job ? await jobOf(app, options.job) : null
      const actor = job?.actor ?? app.actor
      const report = await importSite(app.content, app.store, actor, {
        siteId: site.id,
        source,
        sourceLabel: /^https?:\/\//i.test(sourceArgument)
          ? (source.startUrls[0] ?? sourceArgument)
          : resolve(sourceArgument),
        uploadsDir: join(publisherOptions(app.config).outputRootFor(site.slug, site.outputPrefix), 'uploads'),
        maxUploadBytes: app.config.server.maxUploadBytes,
        isDryRun: options.dryRun ?? false,
        since: options.since ?? null,
        concurrency: options.concurrency,
        maxPages: options.maxPages,
        resumes: options.resume ?? false,
        ...(job ? { onProgress: job.onProgress } : progress ? { onProgress: progressLine() } : {}),
      })
      if (progress) process.stderr.write('\n')
      if (job) await job.finish(report)
      // A run by hand is audited with what it did; a dry run changes nothing and is not.
      if (!options.dryRun) {
        await recordAudit(app.store, {
          actor,
          action: 'import.run',
          targetType: 'site',
          targetId: String(site.id),
          outcome: report.counts.failed > 0 ? 'failure' : 'success',
          detail: {
            source: sourceArgument,
            runId: report.runId,
            ...report.counts,
            isComplete: report.isComplete,
          },
        })
      }
      const moved =
        options.dryRun || !options.publish
          ? null
          : await publishWithOldUrls(app, site, (options.json ?? false) || job !== null, actor)
      const csvPath = options.dryRun
        ? options.report
        : (options.report ?? join(app.config.dataDir, 'imports', `${site.slug}-${report.runId}.csv`))
      if (csvPath) {
        await mkdir(join(csvPath, '..'), { recursive: true })
        await writeFile(csvPath, reportCsv(report))
      }
      // A page that failed is worth a look: scripts see it in the exit code.
      if (report.counts.failed > 0) process.exitCode = 2
      if (options.json) return printJson({ ...report, csv: csvPath ?? null, oldUrls: moved })
      printReport(report, csvPath)
      if (moved) {
        print(
          `旧网址 / old URLs: ${moved.redirects} 个跳转 redirects, ${moved.pages} 个跳转页 pages, nginx map: ${moved.mapFile}` +
            (moved.linksRewritten > 0
              ? `; ${moved.linksRewritten} 篇文章的站内链接已更新 / articles' links rewritten`
              : ''),
        )
      }
    })
  })
}

/**
 * Publishes the site so imported articles get their URLs, points links between them at
 * those URLs (and publishes what that changed), then writes the old URLs' redirect pages and
 * nginx map into the published folder.
 */
async function publishWithOldUrls(app: App, site: Site, isQuiet: boolean, actor: Actor) {
  const first = await app.publisher.publish({ site: site.id })
  const linksRewritten = await rewriteImportedLinks(app.store, app.content, actor, site.id)
  const second = linksRewritten > 0 ? await app.publisher.publish({ site: site.id }) : null
  const folder = publisherOptions(app.config).outputRootFor(site.slug, site.outputPrefix)
  if (!isQuiet) printSummary(second ?? first, folder)
  const redirects = await oldUrlRedirects(app.store, app.content, site.id)
  const written = await writeOldUrlFiles(redirects, folder)
  return { redirects: redirects.length, linksRewritten, ...written }
}

async function openSource(argument: string, options: ImportCommandOptions): Promise<PageSource> {
  if (/^https?:\/\//i.test(argument)) {
    return httpSource(argument, {
      timeoutMs: options.timeout,
      delayMs: options.delay,
      ignoresRobots: !options.robots,
      assetHosts: options.assetHost,
    })
  }
  if (!existsSync(argument) || !statSync(argument).isDirectory()) {
    throw new ValidationError(
      'source',
      `不是网址也不是文件夹：${argument}`,
      `neither a URL nor a folder: ${argument}`,
    )
  }
  return folderSource(argument)
}

function printReport(report: ImportReport, csvPath: string | undefined): void {
  const shown = report.rows.filter((row) => row.outcome !== 'unchanged').slice(0, 200)
  if (shown.length > 0) {
    print(
      formatTable(
        ['结果 outcome', '标题 title', '网址 URL', '原因 reason'],
        shown.map((row) => [OUTCOME_LABEL[row.outcome], row.title.slice(0, 30), row.url, row.reason ?? '']),
      ),
    )
  }
  if (report.rows.length > shown.length)
    print(`… 另有 ${report.rows.length - shown.length} 行 / more rows in the CSV`)
  print(
    Object.entries(report.counts)
      .map(([outcome, count]) => `${OUTCOME_LABEL[outcome as ImportOutcome]}: ${count}`)
      .join(', '),
  )
  if (!report.isComplete)
    print('已达页面上限，用 --resume 继续 / the page bound stopped the run; --resume goes on')
  if (csvPath) print(`报告 / report: ${csvPath}`)
}

/**
 * The admin job this run is: its user is the one the audit log names, its counts are written
 * to the job at most twice a second, and its rows are kept for the admin's report table.
 */
async function jobOf(app: App, id: number) {
  const records = jobRecords(app.store)
  const actor: Actor | null = await records.actorOf(id)
  if (!actor) throw new ValidationError('--job', `没有任务 ${id}`, `no job ${id}`)
  let last = 0
  let saving: Promise<void> = Promise.resolve()
  return {
    actor,
    onProgress(_row: unknown, counts: Readonly<Record<ImportOutcome, number>>, pending: number) {
      const now = performance.now()
      if (now - last < 500) return
      last = now
      const copy = { ...counts, pending }
      saving = saving.then(() => records.saveCounts(id, copy, new Date().toISOString())).catch(() => {})
    },
    async finish(report: ImportReport) {
      await saving
      const files = jobFiles(app.config.dataDir, id)
      await mkdir(files.folder, { recursive: true })
      await writeFile(files.rows, JSON.stringify(report.rows))
      await records.saveResult(
        id,
        report.counts,
        { runId: report.runId, isComplete: report.isComplete, rows: report.rows.length },
        new Date().toISOString(),
      )
    },
  }
}

/** One line on the terminal, redrawn at most ten times a second. */
function progressLine() {
  let last = 0
  return (_row: unknown, counts: Readonly<Record<ImportOutcome, number>>) => {
    const now = performance.now()
    if (now - last < 100) return
    last = now
    const done = Object.values(counts).reduce((a, b) => a + b, 0)
    process.stderr.write(
      `\r导入中 / importing… ${done} 页 pages: ${counts.imported + counts.updated} 导入 in, ${counts.failed} 失败 failed`,
    )
  }
}
