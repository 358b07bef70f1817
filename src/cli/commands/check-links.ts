import { isIP } from 'node:net'
import { type Command, InvalidArgumentError } from 'commander'
import { withApp } from '../open-app.ts'
import { positiveInt, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

interface CheckLinksOptions {
  readonly data: string
  readonly json?: boolean
  readonly site?: string
  readonly allowAddress: string[]
  readonly timeout?: number
  readonly concurrency?: number
  readonly perHost?: number
}

function address(value: string, previous: string[]): string[] {
  if (isIP(value) === 0) throw new InvalidArgumentError('须为 IP 地址 / must be an IP address')
  return [...previous, value]
}

/**
 * `fabu check links`: checks the external links of the site's published articles now, stores
 * the report (shown in the inspection's data and the admin) and prints the broken and
 * redirected ones per article. Exits with 2 when any link is broken.
 */
export function registerCheckLinks(program: Command): void {
  const check = program.commands.find((command) => command.name() === 'check')
  if (!check) throw new Error('register `fabu check` first')
  // `fabu check links --site x --data d`: options after `links` are its own, not the
  // self-check's. The program has no options of its own, so stopping its parse at the command
  // changes nothing for the other commands.
  program.enablePositionalOptions()
  check.enablePositionalOptions()
  withCommonOptions(
    check
      .command('links')
      .description('检查已发布文章的外部链接 / check the external links of published articles')
      .option('--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug')
      .option('--concurrency <n>', '同时请求数 / requests at once (8)', positiveInt)
      .option(
        '--timeout <ms>',
        '每个请求的时限（毫秒）/ milliseconds before a link times out (10000)',
        positiveInt,
      )
      .option(
        '--per-host <ms>',
        '同一主机两次请求的间隔（毫秒）/ milliseconds between requests to one host (1000)',
        positiveInt,
      )
      .option(
        '--allow-address <ip>',
        '允许连接的内网地址（仅供测试，可重复）/ a private address that may be connected to (tests only; repeatable)',
        address,
        [],
      ),
  ).action(async (options: CheckLinksOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const report = await app.links.checkExternal(app.operator, site.id, {
        allowAddresses: options.allowAddress,
        ...(options.timeout ? { timeoutMs: options.timeout } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.perHost ? { perHostIntervalMs: options.perHost } : {}),
      })
      if (report.broken > 0) process.exitCode = 2
      if (options.json) return printJson(report)
      print(
        `${site.name}: ${report.checked} 个外部链接 / external links, ${report.broken} 失效 / broken, ${report.redirected} 跳转 / redirected`,
      )
      if (report.findings.length === 0) return
      print(
        formatTable(
          ['文章 article', '链接 link', '结果 outcome', '说明 detail'],
          report.findings.map((finding) => [
            `${finding.articleId} ${finding.title}`,
            finding.url,
            finding.status === null ? finding.outcome : `${finding.outcome} ${finding.status}`,
            finding.location ?? finding.detail ?? '',
          ]),
        ),
      )
    })
  })
}
