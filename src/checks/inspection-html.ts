import { evidenceHref } from './evidence-href.ts'
import type { InspectionItem, InspectionReport, InspectionStatus } from './inspection-item.ts'

const STATUS: Readonly<Record<InspectionStatus, string>> = {
  pass: '通过 pass',
  fail: '不通过 fail',
  warn: '注意 warn',
  skip: '未检查 skip',
}

/** Text as HTML character data or a quoted attribute value. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function evidenceList(item: InspectionItem, baseUrl: string): string {
  if (item.evidence.length === 0) return ''
  const lines = item.evidence.map((line, index) => {
    const href = evidenceHref(item.refs?.[index], baseUrl)
    return `<li>${href ? `<a href="${escapeHtml(href)}">${escapeHtml(line)}</a>` : escapeHtml(line)}</li>`
  })
  return `<ul>${lines.join('')}</ul>`
}

function changesSection(report: InspectionReport): string {
  const changes = report.changes
  if (!changes) return ''
  const list = (items: typeof changes.newlyFailed) =>
    items.length === 0
      ? '无 none'
      : items.map((item) => `${escapeHtml(item.title.zh)} / ${escapeHtml(item.title.en)}`).join('；')
  return `<section class="changes">
<h2>与上次自查相比 / since the previous run (${escapeHtml(changes.since)})</h2>
<p><strong>新出现的问题 newly failed:</strong> ${list(changes.newlyFailed)}</p>
<p><strong>已整改 newly fixed:</strong> ${list(changes.newlyFixed)}</p>
</section>`
}

/**
 * The self-check as one HTML page that stands alone (no scripts, no outside styles), for the
 * 年度报表 and the inspection's self-check submission; it prints to PDF as it is.
 */
export function inspectionHtml(report: InspectionReport, siteName = report.siteName): string {
  const rows = report.items
    .map(
      (item) => `<tr class="${item.status}">
<td>${item.isSingleVeto ? '★ ' : ''}${escapeHtml(item.title.zh)}<br><small>${escapeHtml(item.title.en)}</small><br><small class="rule">${escapeHtml(item.rule)}</small></td>
<td>${STATUS[item.status]}</td>
<td>${evidenceList(item, report.baseUrl)}${item.note ? `<p><small>${escapeHtml(item.note)}</small></p>` : ''}</td>
<td>${item.status === 'pass' ? '' : `${escapeHtml(item.fix.zh)}<br><small>${escapeHtml(item.fix.en)}</small>`}</td>
</tr>`,
    )
    .join('\n')
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(siteName)} 检查指标自查 / inspection self-check</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #1f1f1f; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bfbfbf; padding: 6px 8px; vertical-align: top; text-align: left; }
tr { break-inside: avoid; }
tr.fail td:nth-child(2) { color: #a8071a; font-weight: bold; }
tr.warn td:nth-child(2) { color: #874d00; }
tr.pass td:nth-child(2) { color: #135200; }
.rule { color: #595959; }
ul { margin: 0; padding-left: 1.2em; }
a { color: #1d4f91; word-break: break-all; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(siteName)} 检查指标自查 / inspection self-check</h1>
<p>${escapeHtml(report.checkedAt)} · ${report.failed > 0 ? `单项否决不通过 ${report.failed} 项 / ${report.failed} single-veto item(s) failed` : '单项否决项全部通过 / every single-veto item passes'} (★)</p>
${changesSection(report)}
<table>
<thead><tr><th scope="col">指标 indicator</th><th scope="col">结果 status</th><th scope="col">依据 evidence</th><th scope="col">整改 fix</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`
}
