import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeResult {
  passes: unknown[]
  violations: { id: string; nodes: { target: string[] }[] }[]
}

/**
 * The WCAG 2.1 A and AA violations axe-core finds on the page, as `label: rule at targets`.
 * A run that passed nothing did not run, and says so.
 */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await page.evaluate(await axeSource)
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(options: unknown): Promise<AxeResult> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )
  if (result.passes.length === 0) return [`${label}: axe checked nothing`]
  return result.violations.map(
    (violation) =>
      `${label}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
}
