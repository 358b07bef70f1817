import { evidenceHref } from './evidence-href.ts'
import type { InspectionReport, InspectionStatus } from './inspection-item.ts'

const STATUS: Readonly<Record<InspectionStatus, string>> = {
  pass: '通过 pass',
  fail: '不通过 fail',
  warn: '注意 warn',
  skip: '未检查 skip',
}

const header = (...titles: string[]) => titles.map((value) => ({ value, fontWeight: 'bold' as const }))

/**
 * The self-check as a workbook for the 年度报表: one sheet of indicators (one row each), one of
 * evidence (one row per line, with its public address), one of the changes since the run before.
 */
export async function inspectionXlsx(report: InspectionReport): Promise<Uint8Array> {
  // Loaded when asked for: only exports need it.
  const { default: writeXlsxFile } = await import('write-excel-file/node')
  const items = [
    header(
      '规则 rule',
      '指标 indicator',
      'Indicator',
      '单项否决 single veto',
      '结果 status',
      '依据条数 evidence',
      '整改 fix',
      'Fix',
      '说明 note',
    ),
    ...report.items.map((item) => [
      item.rule,
      item.title.zh,
      item.title.en,
      item.isSingleVeto ? '是 yes' : '否 no',
      STATUS[item.status],
      item.evidence.length,
      item.status === 'pass' ? '' : item.fix.zh,
      item.status === 'pass' ? '' : item.fix.en,
      item.note ?? '',
    ]),
    [],
    [
      `${report.siteName} (${report.site})`,
      report.checkedAt,
      `单项否决不通过 single-veto failed: ${report.failed}`,
    ],
  ]
  const evidence = [
    header('规则 rule', '指标 indicator', '依据 evidence', '链接 link'),
    ...report.items.flatMap((item) =>
      item.evidence.map((line, index) => [
        item.rule,
        item.title.zh,
        line,
        evidenceHref(item.refs?.[index], report.baseUrl) ?? '',
      ]),
    ),
  ]
  const changes = [
    header('变化 change', '规则 rule', '指标 indicator', '上次 was', '本次 now'),
    ...(report.changes
      ? [
          ...report.changes.newlyFailed.map((item) => [
            '新出现 newly failed',
            item.rule,
            item.title.zh,
            STATUS[item.was],
            STATUS[item.now],
          ]),
          ...report.changes.newlyFixed.map((item) => [
            '已整改 newly fixed',
            item.rule,
            item.title.zh,
            STATUS[item.was],
            STATUS[item.now],
          ]),
          [],
          [`上次自查 previous run: ${report.changes.since}`],
        ]
      : [['无上次自查记录 no previous run']]),
  ]
  return writeXlsxFile([
    {
      data: items,
      sheet: '自查结果 results',
      columns: [
        { width: 20 },
        { width: 40 },
        { width: 40 },
        { width: 12 },
        { width: 14 },
        { width: 10 },
        { width: 50 },
        { width: 50 },
        { width: 40 },
      ],
      stickyRowsCount: 1,
    },
    {
      data: evidence,
      sheet: '依据 evidence',
      columns: [{ width: 20 }, { width: 30 }, { width: 80 }, { width: 50 }],
      stickyRowsCount: 1,
    },
    {
      data: changes,
      sheet: '变化 changes',
      columns: [{ width: 20 }, { width: 20 }, { width: 40 }, { width: 14 }, { width: 14 }],
    },
  ]).toBuffer()
}
