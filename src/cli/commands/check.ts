import { existsSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import {
  exportInspection,
  type InspectionFormat,
  type InspectionReport,
  type InspectionStatus,
  inspectionFormats,
} from '../../checks/index.ts'
import { ChromiumMissingError, ValidationError } from '../../errors/index.ts'
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
      .option(
        '--format <format>',
        '导出格式：html、xlsx 或 pdf（pdf 需要 Chromium），与 --out 同用 / export as html, xlsx or pdf (pdf needs Chromium), with --out',
      )
      .option('--out <file>', '导出报告到此文件 / write the exported report to this file')
      .option('--html <file>', '另存为 HTML 报告（同 --format html --out FILE）/ also write an HTML report')
      .option('--save', '保存本次结果，供下次比较变化 / store this run, to compare the next one with')
      .option(
        '--at <time>',
        '按此时刻评估，如 2026-10-21T00:00:00Z（默认现在）/ judge freshness as of this instant (default: now)',
      ),
  ).action(async (options: CheckOptions) => {
    const at = options.at === undefined ? new Date() : new Date(options.at)
    if (Number.isNaN(at.getTime()))
      throw new ValidationError(
        '--at',
        '须为 ISO 时间，如 2026-10-21T00:00:00Z',
        'must be an ISO time like 2026-10-21T00:00:00Z',
      )
    const exports = exportsOf(options)
    await withApp(options.data, async (app) => {
      // Before checking (and storing with --save): a PDF that cannot be printed fails first.
      if (exports.some(([format]) => format === 'pdf') && !existsSync(app.config.checks.chromiumPath))
        throw new ChromiumMissingError({ zh: '导出 PDF', en: 'a PDF export' }, app.config.checks.chromiumPath)
      const site = await resolveSite(app.content, options.site)
      const report = options.save
        ? await app.inspection.save(app.operator, site.id, at)
        : await app.inspection.run(app.operator, site.id, at)
      if (report.failed > 0) process.exitCode = 2
      for (const [format, file] of exports) {
        const exported = await exportInspection(report, format, {
          chromiumPath: app.config.checks.chromiumPath,
        })
        writeFileSync(file, exported.body)
      }
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
      printChanges(report)
      print('')
      print(
        report.failed > 0
          ? `单项否决不通过 ${report.failed} 项 / ${report.failed} single-veto item(s) failed (★)`
          : '单项否决项全部通过 / every single-veto item passes (★)',
      )
    })
  })
}

interface CheckOptions {
  data: string
  json?: boolean
  site?: string
  at?: string
  html?: string
  format?: string
  out?: string
  save?: boolean
}

/** The files to write, checked before anything runs: a wrong option costs no check. */
function exportsOf(options: CheckOptions): [InspectionFormat, string][] {
  const exports: [InspectionFormat, string][] = []
  if (options.html) exports.push(['html', options.html])
  if (options.format === undefined && options.out === undefined) return exports
  const format = options.format ?? options.out?.split('.').pop()?.toLowerCase()
  if (!inspectionFormats.includes(format as InspectionFormat))
    throw new ValidationError('--format', '须为 html、xlsx 或 pdf', 'must be html, xlsx or pdf')
  if (!options.out) throw new ValidationError('--out', '请给出导出文件的路径', 'give the file to write')
  exports.push([format as InspectionFormat, options.out])
  return exports
}

function printChanges(report: InspectionReport): void {
  const changes = report.changes
  if (!changes) return
  const names = (items: readonly { title: { zh: string } }[]) =>
    items.length === 0 ? '无 none' : items.map((item) => item.title.zh).join('；')
  print('')
  print(`与上次自查（${changes.since}）相比 / since the previous run:`)
  print(`    新出现的问题 newly failed: ${names(changes.newlyFailed)}`)
  print(`    已整改 newly fixed: ${names(changes.newlyFixed)}`)
}
