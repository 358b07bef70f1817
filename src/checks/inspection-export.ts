import { inspectionHtml } from './inspection-html.ts'
import type { InspectionReport } from './inspection-item.ts'
import { inspectionPdf } from './inspection-pdf.ts'
import { inspectionXlsx } from './inspection-xlsx.ts'

export const inspectionFormats = ['html', 'xlsx', 'pdf'] as const
export type InspectionFormat = (typeof inspectionFormats)[number]

export interface InspectionFile {
  readonly body: Uint8Array
  readonly contentType: string
  /** `gov-inspection-2026-12-05.xlsx`: the site and the day it was checked. */
  readonly fileName: string
}

const CONTENT_TYPES: Readonly<Record<InspectionFormat, string>> = {
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

/** The report as a file to hand in: HTML, a workbook, or a PDF (which needs Chromium). */
export async function exportInspection(
  report: InspectionReport,
  format: InspectionFormat,
  options: { readonly chromiumPath?: string } = {},
): Promise<InspectionFile> {
  const html = () => inspectionHtml(report)
  const body =
    format === 'html'
      ? new TextEncoder().encode(html())
      : format === 'xlsx'
        ? await inspectionXlsx(report)
        : await inspectionPdf(html(), options.chromiumPath)
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: `${report.site}-inspection-${report.checkedAt.slice(0, 10)}.${format}`,
  }
}
