import { join } from 'node:path'
import type { Command } from 'commander'
import { formatZonedMinute } from '../../content/index.ts'
import { createDemoSite, seedArticle } from '../../demo/index.ts'
import { ValidationError } from '../../errors/index.ts'
import { AutoPublisher, Publisher } from '../../publish/index.ts'
import { createPublicSite, ViewCounter } from '../../server/index.ts'
import { ensureDataFolder } from '../ensure-data-folder.ts'
import { type App, publisherOptions, withApp } from '../open-app.ts'
import { wholeNumber, withCommonOptions } from '../options.ts'
import { print } from '../print-table.ts'
import { printSummary } from './publish.ts'
import { resolveSite } from './resolve-refs.ts'

interface ServeOptions {
  data: string
  site?: string
  host: string
  port: number
}

function withServeOptions(command: Command): Command {
  return command
    .option('--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug')
    .option('--host <address>', '监听地址 / address to listen on', '127.0.0.1')
    .option('--port <n>', '端口 / port', wholeNumber, 8080)
}

export function registerServe(program: Command): void {
  withCommonOptions(
    withServeOptions(
      program
        .command('serve')
        .description('在本机提供已发布的站点和浏览计数 / serve a published site and its view counter'),
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
    ),
    { json: false },
  ).action(async (options: ServeOptions) => {
    ensureDataFolder(options.data)
    await withApp(options.data, async (app) => {
      const summary = await createDemoSite(app.content, app.actor)
      print(
        `示例站点 / demo site: ${summary.site.name}: ${summary.columns.total} 个栏目 columns, ${summary.articles.total} 篇文章 articles`,
      )
      const result = await app.publisher.publish({ site: summary.site.id })
      printSummary(result, join(app.config.dataDir, 'sites', summary.site.slug))
      await serve(app, { ...options, site: summary.site.slug })
    })
  })
}

async function serve(app: App, options: ServeOptions): Promise<void> {
  const site = await resolveSite(app.content, options.site)
  const root = join(app.config.dataDir, 'sites', site.slug, site.outputPrefix)
  const counter = new ViewCounter(app.store)
  const server = await createPublicSite({ root, counter })
  try {
    await server.listen({ host: options.host, port: options.port })
  } catch (error) {
    await counter.close()
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ValidationError(
      '--port',
      `无法在 ${options.host}:${options.port} 监听（${code}）`,
      `cannot listen on ${options.host}:${options.port} (${code})`,
    )
  }
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`
  print('')
  print(`站点已在本机提供 / serving ${site.name} at ${url}`)
  const seed = (await app.content.articles.list({ site: site.id, text: seedArticle.title, limit: 1 }))
    .items[0]
  if (seed?.urlPath)
    print(
      `种子文章 / seed article (${formatZonedMinute(seed.publishAt ?? '', site.timeZone)}): ${url}${seed.urlPath}`,
    )
  // A warm publisher of its own publishes what editors change while the server runs.
  const publisher = new Publisher(app.store, app.content, {
    ...publisherOptions(app.config),
    keepsWorkers: true,
  })
  const autoPublisher = new AutoPublisher(app.store, publisher, site.id, {
    onRun: (report) =>
      print(
        `已发布变更 / published changes: ${report.written.length} 个文件写入 written, ${report.removed.length} 删除 removed` +
          (report.failed.length > 0 ? `, ${report.failed.length} 错误 errors` : '') +
          ` (${Math.round(report.seconds * 1000)} ms)`,
      ),
    onError: (error) =>
      process.stderr.write(`fabu: 自动发布失败 / publishing failed: ${(error as Error).message}\n`),
  })
  autoPublisher.start()
  print('修改内容后会自动发布 / changes are published as they are made')
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
  await autoPublisher.stop()
  await publisher.close()
  await server.close()
  await counter.close()
  print('已停止，浏览计数已保存 / stopped; view counts saved')
}
