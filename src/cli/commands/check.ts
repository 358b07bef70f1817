import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { type InspectionStatus, inspectionHtml } from '../../checks/index.ts'
import { ValidationError } from '../../errors/index.ts'
import { withApp } from '../open-app.ts'
import { withCommonOptions } from '../options.ts'
import { print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

const MARK: Readonly<Record<InspectionStatus, string>> = {
  pass: '通过 pass',
  fail: '不通过 FAIL',
  warn: '注意 warn',
  skip: '未检查 skip',
}

/**
 * `fabu check`: the inspection self-check, so an administrator learns of every problem before
 * an inspector does. Exits with 2 when a single-veto item fails, for scheduled runs to notice.
 */
export function registerCheck(program: Command): void {
  withCommonOptions(
    program
      .command('check')
      .description(
        '检查指标自查（政府网站与政务新媒体检查指标）/ the inspection self-check against the government website indicators',
      )
      .option('--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug')
      .option('--html <file>', '另存为 HTML 报告（可打印为 PDF）/ also write an HTML report (prints to PDF)')
      .option(
        '--at <time>',
        '按此时刻评估，如 2026-10-21T00:00:00Z（默认现在）/ judge freshness as of this instant (default: now)',
      ),
  ).action(async (options: { data: string; json?: boolean; site?: string; at?: string; html?: string }) => {
    const at = options.at === undefined ? new Date() : new Date(options.at)
    if (Number.isNaN(at.getTime()))
      throw new ValidationError(
        '--at',
        '须为 ISO 时间，如 2026-10-21T00:00:00Z',
        'must be an ISO time like 2026-10-21T00:00:00Z',
      )
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const report = await app.inspection.run(app.operator, site.id, at)
      if (report.failed > 0) process.exitCode = 2
      if (options.html) writeFileSync(options.html, inspectionHtml(report, site.name))
      if (options.json) return printJson(report)
      print(`${site.name} (${site.slug})  ${report.checkedAt}`)
      for (const item of report.items) {
        print('')
        print(`[${MARK[item.status]}] ${item.isSingleVeto ? '★ ' : ''}${item.title.zh} / ${item.title.en}`)
        for (const line of item.evidence.slice(0, 20)) print(`    ${line}`)
        if (item.evidence.length > 20) print(`    … (+${item.evidence.length - 20})`)
        if (item.status === 'fail' || item.status === 'warn') print(`    → ${item.fix.zh} / ${item.fix.en}`)
        if (item.note) print(`    (${item.note})`)
      }
      print('')
      print(
        report.failed > 0
          ? `单项否决不通过 ${report.failed} 项 / ${report.failed} single-veto item(s) failed (★)`
          : '单项否决项全部通过 / every single-veto item passes (★)',
      )
    })
  })
}
