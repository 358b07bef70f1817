import type { Command } from 'commander'
import { recordAudit } from '../../content/index.ts'
import { asFabuError } from '../../errors/index.ts'
import type { PublishReport } from '../../publish/index.ts'
import { withApp } from '../open-app.ts'
import { wholeNumber, withCommonOptions } from '../options.ts'
import { print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'
import { describeDelivery } from './target.ts'

interface PublishOptions {
  data: string
  json?: boolean
  site?: string
  full?: boolean
  dryRun?: boolean
  wait: number
}

export function registerPublish(program: Command): void {
  withCommonOptions(
    program
      .command('publish')
      .description(
        '发布站点：默认只重建受变更影响的页面 / publish a site: by default only the pages pending changes affect',
      )
      .option('--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug')
      .option(
        '--full',
        '重建全部页面（内容未变的文件不重写）/ render every page (unchanged files are not rewritten)',
      )
      .option('--dry-run', '只列出将要重建和删除的页面 / list the pages that would be rendered and removed')
      .option(
        '--wait <seconds>',
        '站点正由其他进程发布时最多等待的秒数 / how long to wait for another process publishing the site',
        wholeNumber,
        60,
      ),
  ).action(async (options: PublishOptions) => {
    await withApp(options.data, async ({ content, publisher, config, store, actor, deliveries }) => {
      const site = await resolveSite(content, options.site)
      const progress = process.stderr.isTTY && !options.json ? progressBar() : undefined
      const mode = options.full ? 'full' : 'incremental'
      const isDryRun = options.dryRun ?? false
      const leaseWaitMs = options.wait * 1000
      // A publish by hand is audited with what it did; a dry run changes nothing and is not.
      const audit = (outcome: 'success' | 'failure', detail: Record<string, unknown>, errorCode?: string) =>
        isDryRun
          ? Promise.resolve()
          : recordAudit(store, {
              actor,
              action: 'publish.run',
              targetType: 'site',
              targetId: String(site.id),
              outcome,
              errorCode,
              detail: { mode, ...detail },
            })
      let result: PublishReport
      try {
        result = await publisher.publish({ site: site.id, mode, isDryRun, onProgress: progress, leaseWaitMs })
      } catch (error) {
        await audit('failure', {}, asFabuError(error).code)
        throw error
      }
      await audit(result.failed.length > 0 ? 'failure' : 'success', publishCounts(result))
      if (progress) process.stderr.write('\n')
      const delivered = result.runId === null ? [] : (deliveries.get(result.runId) ?? [])
      // The run stands and its delivery is retried; the exit code tells a script it is not out yet.
      if (delivered.some((outcome) => outcome.state === 'failed')) process.exitCode = 2
      if (options.json) return printJson(delivered.length > 0 ? { ...result, deliveries: delivered } : result)
      if (options.dryRun) {
        print(
          `将重建 / would render ${result.planned.length} 个页面 pages, 删除 / remove ${result.removed.length}`,
        )
        for (const path of result.planned) print(`  ${path}`)
        for (const path of result.removed) print(`  - ${path}`)
        return
      }
      printSummary(result, `${config.dataDir}/sites/${site.slug}`)
      for (const outcome of delivered) if (outcome.state !== 'idle') print(describeDelivery(outcome))
      if (result.failed.length > 0) process.exitCode = 2
    })
  })
}

/** What an audit record keeps of a publish: its counts and run, not its file lists. */
export function publishCounts(result: PublishReport): Record<string, number | null> {
  return {
    written: result.written.length,
    unchanged: result.unchanged,
    removed: result.removed.length,
    errors: result.failed.length,
    runId: result.runId,
  }
}

export function printSummary(result: PublishReport, folder: string): void {
  print(
    `${result.mode === 'full' ? '全量' : '增量'}发布 / ${result.mode} publish of ${result.site}: ` +
      `写入 written ${result.written.length}, 未变 unchanged ${result.unchanged}, 删除 removed ${result.removed.length}, ` +
      `错误 errors ${result.failed.length}, ${result.seconds.toFixed(2)} s`,
  )
  for (const failure of result.failed.slice(0, 20)) print(`  ✗ ${failure.path}: ${failure.error}`)
  if (result.brokenLinks)
    print(
      `站内失效链接 / broken internal links: ${result.brokenLinks}（管理界面“发布记录”中查看 / listed with run ${result.runId} in the admin）`,
    )
  print(`输出目录 / output: ${folder}`)
}

/** A one-line counter on the terminal; publishing streams, so the total is not known up front. */
function progressBar(): (done: number) => void {
  let last = 0
  return (done) => {
    const now = performance.now()
    if (now - last < 100) return
    last = now
    process.stderr.write(`\r发布中 / publishing… ${done} 页 pages`)
  }
}
