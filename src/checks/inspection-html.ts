import type { InspectionReport, InspectionStatus } from './inspection-item.ts'

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

/**
 * The self-check as one HTML page that stands alone (no scripts, no outside styles), for the
 * 年度报表 and the inspection's self-check submission; a browser prints it to PDF.
 */
export function inspectionHtml(report: InspectionReport, siteName: string): string {
  const rows = report.items
    .map(
      (item) => `<tr class="${item.status}">
<td>${item.isSingleVeto ? '★ ' : ''}${escapeHtml(item.title.zh)}<br><small>${escapeHtml(item.title.en)}</small></td>
<td>${STATUS[item.status]}</td>
<td>${item.evidence.length > 0 ? `<ul>${item.evidence.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : ''}${item.note ? `<p><small>${escapeHtml(item.note)}</small></p>` : ''}</td>
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
tr.fail td:nth-child(2) { color: #a8071a; font-weight: bold; }
tr.warn td:nth-child(2) { color: #874d00; }
tr.pass td:nth-child(2) { color: #135200; }
ul { margin: 0; padding-left: 1.2em; }
</style>
</head>
<body>
<h1>${escapeHtml(siteName)} 检查指标自查 / inspection self-check</h1>
<p>${escapeHtml(report.checkedAt)} · ${report.failed > 0 ? `单项否决不通过 ${report.failed} 项 / ${report.failed} single-veto item(s) failed` : '单项否决项全部通过 / every single-veto item passes'} (★)</p>
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
