import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import type { FastifyInstance } from 'fastify'
import stringWidth from 'string-width'
import { ExternalLinkSchedule, startDailyInspection } from '../../checks/index.ts'
import { formatZonedMinute, type Site, systemActor } from '../../content/index.ts'
import {
  createDemoSite,
  describeDemoAccounts,
  ensureDemoAccounts,
  ensureDemoMailboxes,
  seedArticle,
} from '../../demo/index.ts'
import { ValidationError } from '../../errors/index.ts'
import { createImportJobs } from '../../jobs/index.ts'
import { createMetrics } from '../../metrics/index.ts'
import { Publisher, SearchPageRenderer } from '../../publish/index.ts'
import { ArticleListReaders, flushSearchCounts, readingListsIn, SearchReaders } from '../../search/index.ts'
import {
  createAdminApp,
  createPublicSite,
  installationSites,
  type ServedSite,
  ViewCounter,
} from '../../server/index.ts'
import type { DeliveryOutcome } from '../../targets/index.ts'
import { type BackgroundWork, openBackgroundWork } from '../background-work.ts'
import { addDemoWordLists } from '../demo-word-lists.ts'
import { ensureDataFolder } from '../ensure-data-folder.ts'
import { type App, publisherOptions, withApp } from '../open-app.ts'
import { wholeNumber, withCommonOptions } from '../options.ts'
import { print } from '../print-table.ts'
import { yesterdayInShanghai } from '../yesterday-in-shanghai.ts'
import { printSummary } from './publish.ts'
import { resolveSite } from './resolve-refs.ts'
import { describeDelivery } from './target.ts'

interface ServeOptions {
  data: string
  site?: string
  host?: string
  port?: number
  adminPort?: number
  /** Structured JSON request logs: on stderr (true), appended to a file (its path), or none. */
  logs?: boolean | string
  /** Lines printed beside the URLs (the demo accounts). */
  announce?: readonly string[]
  /** False (`--no-worker`): serve HTTP only and leave publishing and schedules to `fabu worker`. */
  worker?: boolean
}

function withServeOptions(command: Command): Command {
  return command
    .option(
      '--site <site>',
      '在不属于任何站点的主机名上于根路径提供的站点（默认 [cli] default_site 或最早的站点）/ the site served at / on a host naming no site',
    )
    .option('--host <address>', '监听地址，默认 127.0.0.1 / address to listen on')
    .option('--port <n>', '公开站点端口，默认 8080 / port of the public site', wholeNumber)
    .option('--admin-port <n>', '管理界面与接口端口，默认 8081 / port of the admin UI and API', wholeNumber)
}

export function registerServe(program: Command): void {
  withCommonOptions(
    withServeOptions(
      program
        .command('serve')
        .description(
          '在本机提供所有已发布的站点和浏览计数 / serve every published site and its view counter',
        ),
    )
      .option('--no-logs', '不输出 JSON 请求日志 / no JSON request logs')
      .option(
        '--no-worker',
        '只提供 HTTP，不执行发布与定时任务（交给 fabu worker，需 PostgreSQL）/ serve HTTP only; publishing and schedules are left to fabu worker (PostgreSQL)',
      ),
    { json: false },
  ).action(async (options: ServeOptions) => {
    await withApp(options.data, (app) => serve(app, options))
  })

  withCommonOptions(
    withServeOptions(
      program
        .command('start')
        .description(
          '创建示例站点、发布并在本机提供访问（npm start）/ create the demo site, publish it and serve it',
        ),
    )
      // Off by default here: a first run's reader wants the passwords, not a stream of JSON.
      .option(
        '--logs [file]',
        'JSON 请求日志：输出到标准错误，或追加到文件 / JSON request logs on stderr, or appended to a file',
      )
      .option('--no-logs', '不输出 JSON 请求日志（默认）/ no JSON request logs (the default)'),
    { json: false },
  ).action(async (options: ServeOptions) => {
    ensureDataFolder(options.data)
    await withApp(options.data, async (app) => {
      const summary = await createDemoSite(app.content, app.actor, { newestOn: yesterdayInShanghai() })
      await addDemoWordLists(app, summary.site.id)
      await ensureDemoMailboxes(app.interaction, app.operator, summary.site.id)
      print(
        `示例站点 / demo site: ${summary.site.name}: ${summary.columns.total} 个栏目 columns, ${summary.articles.total} 篇文章 articles`,
      )
      const result = await app.publisher.publish({ site: summary.site.id })
      printSummary(result, join(app.config.dataDir, 'sites', summary.site.slug))
      const accounts = await ensureDemoAccounts(app.accounts, app.operator, summary.site.id)
      await serve(app, { ...options, site: summary.site.slug, announce: describeDemoAccounts(accounts) })
    })
  })
}

async function serve(app: App, options: ServeOptions): Promise<void> {
  // Checked before anything starts: a refusal must leave no timer running behind it.
  const works = options.worker !== false
  if (!works && app.store.engine === 'sqlite')
    throw new ValidationError(
      '--no-worker',
      '只有 PostgreSQL 上才能把发布交给 fabu worker；SQLite 是单机安装',
      'only on PostgreSQL can publishing be left to fabu worker; SQLite is a one-machine installation',
    )
  // The site at `/` on a host naming none: --site, [cli] default_site, else the oldest. Checked
  // first: a name that matches no site is a mistake to say now, not a 404 later.
  const ref = options.site ?? app.config.cli.defaultSite ?? undefined
  const site = ref
    ? await app.content.sites.get(ref)
    : ((await app.content.sites.list())[0] ?? (await resolveSite(app.content, undefined)))
  // What has started, to be stopped again should the start fail later (a port in use): left
  // running, its timers and processes kept a failed `fabu serve` alive, logging every 2 s.
  const started: (() => unknown)[] = []
  try {
    return await serveStarted(app, options, site, works, started)
  } catch (error) {
    for (const stop of started.reverse())
      await Promise.resolve()
        .then(stop)
        .catch(() => undefined)
    throw error
  }
}

async function serveStarted(
  app: App,
  options: ServeOptions,
  site: Site,
  works: boolean,
  started: (() => unknown)[],
): Promise<void> {
  const counter = new ViewCounter(app.store)
  started.push(() => counter.close())
  const metrics = createMetrics()
  const deliveries = targetDeliveries(app)
  started.push(() => deliveries.stop())
  // A warm publisher of its own publishes what editors change while the server runs.
  const publisher = new Publisher(app.store, app.content, {
    ...publisherOptions(app.config),
    keepsWorkers: true,
    onReport: (report) => metrics.observePublish(report.site, report.seconds, report.written.length),
    onRunRecorded: async (run) => deliveries.deliver(run.siteId),
  })
  started.push(() => publisher.close())
  const work = await openBackgroundWork(app, publisher)
  started.push(() => work.stop())
  const queue = work.dispatch
  metrics.watchQueueDepth(() => queue.depth)
  // Search pages render the site's search.liquid in a render process of their own.
  const searchPages = new SearchPageRenderer(app.store, app.content)
  started.push(() => searchPages.close())
  // On SQLite searches run in threads of their own, each with a read-only connection.
  const searchReaders =
    app.store.engine === 'sqlite' && app.config.server.searchWorkers > 0
      ? new SearchReaders({ sqlitePath: app.config.sqlitePath, workers: app.config.server.searchWorkers })
      : undefined
  started.push(() => searchReaders?.close())
  // So is the admin's article list: twenty editors' lists no longer queue on the server's thread.
  const listReaders =
    app.store.engine === 'sqlite' && app.config.server.listWorkers > 0
      ? new ArticleListReaders({ sqlitePath: app.config.sqlitePath, workers: app.config.server.listWorkers })
      : undefined
  started.push(() => listReaders?.close())
  // Filled in once the public site listens: previews load styles and images from it.
  const publicOrigins: Record<string, string> = {}
  let publicUrl: string | undefined
  const sites = installationSites({
    store: app.store,
    content: app.content,
    dataDir: app.config.dataDir,
    interaction: app.interaction,
    defaultSite: site.slug,
    onSite: (served) => {
      if (publicUrl) publicOrigins[served.slug] = originOf(publicUrl, served, site.slug)
    },
  })
  started.push(() => sites.close())
  await sites.start()
  const publicSite = await createPublicSite({
    sites,
    counter,
    trustedProxies: app.config.server.trustedProxies,
    search: {
      store: app.store,
      pages: searchPages,
      searchesPerMinute: app.config.server.searchesPerMinute,
      ...(searchReaders ? { readers: searchReaders } : {}),
    },
    metrics,
  })
  started.push(() => publicSite.close())
  // Imports started from the admin run as `fabu import` processes of their own.
  const importJobs = createImportJobs(app.store, app.content, {
    dataDir: app.config.dataDir,
    command: { execPath: process.execPath, args: [process.argv[1] ?? 'fabu'], memoryMb: 1024 },
    allowedPrivateOrigins: app.config.import.allowedPrivateOrigins,
  })
  started.push(() => importJobs.close())
  const interrupted = await importJobs.recover()
  if (interrupted > 0)
    print(
      `${interrupted} 个导入任务因服务器停止而中断，可在管理界面继续 / import job(s) interrupted; resume them in the admin`,
    )
  const admin = await createAdminApp({
    store: app.store,
    content: listReaders ? readingListsIn(app.content, listReaders) : app.content,
    accounts: app.accounts,
    wordLists: app.wordLists,
    inspection: app.inspection,
    links: app.links,
    queue,
    outputRootFor: publisherOptions(app.config).outputRootFor,
    maxUploadBytes: app.config.server.maxUploadBytes,
    imageMaxSide: app.config.uploads.imageMaxSide,
    trustedProxies: app.config.server.trustedProxies,
    secureCookies: app.config.server.secureCookies,
    requestsPerMinute: app.config.server.apiRequestsPerMinute,
    logger: requestLog(options.logs),
    publicOrigins,
    interaction: app.interaction,
    importJobs,
    metrics: { collector: metrics, access: app.config.metrics },
  })
  started.push(() => admin.close())
  const host = options.host ?? app.config.server.host
  publicUrl = await listen(publicSite, host, options.port ?? app.config.server.publicPort, '--port')
  const adminPort = options.adminPort ?? app.config.server.adminPort
  const adminUrl = await listen(admin, host, adminPort, '--admin-port')
  await sites.refresh()
  print('')
  print(`站点已在本机提供 / serving ${site.name} at ${publicUrl}`)
  for (const other of sites.sites) {
    if (other.id === site.id) continue
    const name = (await app.content.sites.get(other.id)).name
    const byPath = new URL(other.basePath === '/' ? `${other.slug}/` : other.basePath.slice(1), publicUrl)
    const local = publicOrigins[other.slug]
    print(`  ${name}: ${byPath}${local && local !== publicUrl ? ` 或 / or ${local}` : ''}`)
  }
  const seed = (await app.content.articles.list({ site: site.id, text: seedArticle.title, limit: 1 }))
    .items[0]
  if (seed?.urlPath) {
    print(
      `种子文章 / seed article (${formatZonedMinute(seed.publishAt ?? '', site.timeZone)}): ${publicUrl}${seed.urlPath}`,
    )
  }
  print(`管理界面 / admin at ${adminUrl}admin/  (API: ${adminUrl}api/docs)`)
  const schedules = works ? await startWorking(app, work) : null
  started.push(() => schedules?.stop())
  print(
    works
      ? '修改内容后会自动发布 / changes are published as they are made'
      : '只提供 HTTP：发布由 fabu worker 执行 / serving only: fabu worker publishes',
  )
  // Last, so that nothing printed after start-up pushes the passwords off the screen.
  if (options.announce?.length) printFramed([`登录 / sign in at ${adminUrl}admin/`, ...options.announce])
  print('按 Ctrl+C 停止 / press Ctrl+C to stop')
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  // Stop taking requests first, then let the publish in progress finish and save the counts.
  await Promise.all([admin.close(), publicSite.close()])
  sites.close()
  await importJobs.close()
  await schedules?.stop()
  await work.stop()
  await deliveries.stop()
  await publisher.close()
  await searchPages.close()
  await searchReaders?.close()
  await listReaders?.close()
  await flushSearchCounts(app.store)
  await counter.close()
  print('已停止，浏览计数已保存 / stopped; view counts saved')
}

/**
 * The work of a worker process: publishing (background work), the daily inspection and the
 * external link checks. `fabu worker` runs exactly this; `fabu serve` runs it too unless
 * told `--no-worker`.
 */
export async function startWorking(app: App, work: BackgroundWork): Promise<{ stop(): Promise<void> }> {
  await work.start()
  // External links are checked from here, on a schedule ([links] external_check_hours).
  const linkSchedule = new ExternalLinkSchedule(app.store, {
    everyHours: app.config.links.externalCheckHours,
    onError: (error) =>
      process.stderr.write(
        `fabu: 外部链接检查失败 / external link check failed: ${(error as Error).message}\n`,
      ),
  })
  if (work.repeat) {
    // On PostgreSQL each runs once per occurrence on one process of the installation, not once in every worker.
    const at = app.config.checks.dailyAt
    await work.repeat('daily-check', at && dailyCron(at), inspectEverySite(app), 'Asia/Shanghai')
    const hours = app.config.links.externalCheckHours
    await work.repeat('link-check', hours > 0 ? '0 * * * *' : null, async (sent) => {
      // An hourly job that checks when the hours since the epoch are a multiple of the setting.
      if (Math.round(sent.getTime() / 3_600_000) % hours === 0) await linkSchedule.runOnce()
    })
    return { stop: async () => undefined }
  }
  const daily = dailyInspection(app)
  linkSchedule.start()
  return {
    async stop() {
      daily?.stop()
      await linkSchedule.stop()
    },
  }
}

/** `HH:MM` as the cron expression of a daily run at that time. */
function dailyCron(at: string): string {
  const [hour, minute] = at.split(':').map(Number)
  return `${minute} ${hour} * * *`
}

/**
 * Deliveries to the publish targets, off the publish queue: a slow or unreachable web server
 * holds up no publish. Failed ones are tried again every 30 s, each target after its own wait.
 */
export function targetDeliveries(app: App): { deliver(siteId: number): void; stop(): Promise<void> } {
  const running = new Set<Promise<void>>()
  const track = (work: Promise<readonly DeliveryOutcome[]>) => {
    const done = work.then(
      (outcomes) => {
        for (const outcome of outcomes)
          if (outcome.state === 'failed') process.stderr.write(`fabu: ${describeDelivery(outcome)}\n`)
      },
      (error) => {
        process.stderr.write(
          `fabu: 发布目标投递出错 / delivering to the targets failed: ${(error as Error).message}\n`,
        )
      },
    )
    running.add(done)
    void done.then(() => {
      running.delete(done)
    })
  }
  const timer = setInterval(() => {
    if (running.size === 0) track(app.targets.retryFailed())
  }, 30_000)
  return {
    deliver: (siteId) => track(app.targets.deliver(siteId)),
    async stop() {
      clearInterval(timer)
      await Promise.allSettled([...running])
    },
  }
}

/**
 * Where a site's pages work when opened from this server: the default site at the server's
 * URL; another whose links start at `/`, at `<slug>.localhost` (browsers send every
 * `*.localhost` to this machine); one with a base path of its own, under that path.
 */
function originOf(publicUrl: string, site: ServedSite, defaultSlug: string): string {
  const url = new URL(publicUrl)
  if (site.slug === defaultSlug || site.basePath !== '/') return url.toString()
  const isLocal = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  return isLocal ? `${url.protocol}//${site.slug}.localhost:${url.port}/` : url.toString()
}

/** Where request logs go: stderr, a file appended to, or nowhere. */
function requestLog(logs: boolean | string | undefined): boolean | NodeJS.WritableStream {
  if (typeof logs === 'string') return createWriteStream(logs, { flags: 'a' })
  return logs ?? false
}

/** Lines between two rules, so they stand out from what the server printed before. */
function printFramed(lines: readonly string[]): void {
  const rule = '═'.repeat(Math.min(100, Math.max(40, ...lines.map((line) => stringWidth(line)))))
  print('')
  print(rule)
  for (const line of lines) print(line.startsWith(' ') ? line : `  ${line}`)
  print(rule)
}

/** The daily inspection run of every site, stored so the report shows what changed since yesterday. */
function dailyInspection(app: App): { stop(): void } | null {
  const at = app.config.checks.dailyAt
  if (at === null) return null
  print(`每天 ${at} 自动做检查指标自查 / the inspection self-check runs daily at ${at} (Asia/Shanghai)`)
  return startDailyInspection({
    at,
    timeZone: 'Asia/Shanghai',
    run: inspectEverySite(app),
    onError: (error) =>
      process.stderr.write(`fabu: 每日自查失败 / daily self-check failed: ${(error as Error).message}\n`),
  })
}

function inspectEverySite(app: App): (now: Date) => Promise<void> {
  const runner = { actor: systemActor('serve:daily-check'), access: app.operator.access }
  return async (now) => {
    for (const site of await app.content.sites.list()) await app.inspection.save(runner, site.id, now)
  }
}

async function listen(server: FastifyInstance, host: string, port: number, option: string): Promise<string> {
  try {
    await server.listen({ host, port })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ValidationError(
      option,
      `无法在 ${host}:${port} 监听（${code}）`,
      `cannot listen on ${host}:${port} (${code})`,
    )
  }
  const address = server.server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  return `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`
}
