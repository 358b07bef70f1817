import { existsSync } from 'node:fs'
import { ChromiumMissingError } from '../errors/index.ts'

/** Where fabu looks for Chromium unless told otherwise (Debian's and Ubuntu's package). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

const PDF = { zh: '导出 PDF', en: 'a PDF export' }

/**
 * The HTML report printed to PDF by Chromium, as a person would print it: the page is
 * self-contained and every request is refused, so printing never reaches the network.
 */
export async function inspectionPdf(
  html: string,
  chromiumPath: string = DEFAULT_CHROMIUM,
): Promise<Uint8Array> {
  if (!existsSync(chromiumPath)) throw new ChromiumMissingError(PDF, chromiumPath)
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: chromiumPath })
  try {
    const page = await browser.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}
