import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Site } from '../content/index.ts'
import type { SampledPage } from './accessibility-sample.ts'
import { SAMPLED_KINDS } from './accessibility-sample.ts'
import type { EvidenceRef, InspectionItem } from './inspection-item.ts'

interface Finding {
  readonly line: string
  readonly ref: EvidenceRef
}

const label = (page: SampledPage) =>
  `${SAMPLED_KINDS[page.kind].zh} ${SAMPLED_KINDS[page.kind].en} ${page.path}`

/** html-validate's recommended rules, less those that judge editors' pasted bodies. */
async function validateHtml(root: string, sample: readonly SampledPage[]): Promise<Finding[]> {
  const { HtmlValidate } = await import('html-validate')
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Article bodies are editors' HTML, kept as pasted (sanitized, not restyled).
      'no-inline-style': 'off',
      'no-trailing-whitespace': 'off',
      'long-title': 'off',
    },
  })
  const findings: Finding[] = []
  for (const page of sample) {
    const report = await validator.validateString(await readFile(join(root, page.path), 'utf8'), page.path)
    for (const result of report.results)
      for (const message of result.messages)
        findings.push({
          line: `${label(page)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          ref: { kind: 'page', path: page.path },
        })
  }
  return findings
}

interface AxeResult {
  readonly passes: readonly unknown[]
  readonly violations: readonly {
    readonly id: string
    readonly help: string
    readonly nodes: readonly { readonly target: readonly string[] }[]
  }[]
}

/**
 * axe-core's WCAG 2.1 A and AA rules in Chromium. The site is served to the browser from the
 * output folder under its own address; nothing else is fetched.
 */
async function runAxe(site: Site, root: string, sample: readonly SampledPage[], chromiumPath: string) {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  const { chromium } = await import('playwright-core')
  const base = new URL(site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`)
  const browser = await chromium.launch({ executablePath: chromiumPath })
  const findings: Finding[] = []
  try {
    const context = await browser.newContext()
    await context.route('**/*', async (route) => {
      // Every request is answered here, or it would hang the page's load.
      try {
        const url = new URL(route.request().url())
        if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return await route.abort()
        let path = decodeURIComponent(url.pathname.slice(base.pathname.length))
        if (path === '' || path.endsWith('/')) path += 'index.html'
        const file = join(root, path)
        const isFile = !path.split('/').includes('..') && (await stat(file).catch(() => null))?.isFile()
        return await (isFile ? route.fulfill({ path: file }) : route.fulfill({ status: 404, body: '' }))
      } catch {
        return route.abort().catch(() => {})
      }
    })
    const tab = await context.newPage()
    for (const page of sample) {
      await tab.goto(new URL(page.path, base).href, { waitUntil: 'load' })
      await tab.evaluate(axeSource)
      const result = await tab.evaluate(() =>
        (globalThis as unknown as { axe: { run(options: unknown): Promise<AxeResult> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        }),
      )
      // A run that passed nothing did not run: say so rather than count it as clean.
      if (result.passes.length === 0)
        findings.push({
          line: `${label(page)}: axe-core 未能检查 / checked nothing`,
          ref: { kind: 'page', path: page.path },
        })
      for (const violation of result.violations)
        findings.push({
          line: `${label(page)}: ${violation.id} (${violation.help}) @ ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          ref: { kind: 'page', path: page.path },
        })
    }
  } finally {
    await browser.close()
  }
  return findings
}

/**
 * 无障碍 on a sample of each page type: html-validate always, axe-core when Chromium is
 * installed. A check that could not run is `skip` with the reason, never a pass.
 */
export async function inspectAccessibility(
  site: Site,
  root: string,
  sample: readonly SampledPage[],
  chromiumPath: string | null,
  /** No browser: the dashboard's check when no stored run is fresh (axe-core is left to the full runs). */
  isQuick = false,
): Promise<InspectionItem[]> {
  const sampled = sample.map((page) => `${SAMPLED_KINDS[page.kind].en} ${page.path}`).join(', ')
  const missingKinds = (Object.keys(SAMPLED_KINDS) as (keyof typeof SAMPLED_KINDS)[])
    .filter((kind) => !sample.some((page) => page.kind === kind))
    .map((kind) => `${SAMPLED_KINDS[kind].zh} ${SAMPLED_KINDS[kind].en}`)
  const sampleNote = `抽样 sample: ${sampled || '无 none'}${missingKinds.length > 0 ? `；未发布 not published: ${missingKinds.join('、')}` : ''}`
  const present = sample.filter((page) => existsSync(join(root, page.path)))
  const title = {
    html: { zh: '网页代码规范（html-validate 抽样）', en: 'valid HTML (html-validate, sampled pages)' },
    axe: {
      zh: '无障碍（axe-core，WCAG 2.1 AA 抽样）',
      en: 'accessibility (axe-core, WCAG 2.1 AA, sampled pages)',
    },
  }
  const fix = {
    html: {
      zh: '按规则修改模板（或文章正文）后重新发布；规则说明见 html-validate.org/rules',
      en: 'correct the templates (or the article body) and publish again; rules at html-validate.org/rules',
    },
    axe: {
      zh: '按规则修改模板或正文（替代文本、对比度、表单标签等）后重新发布；规则说明见 dequeuniversity.com/rules/axe',
      en: 'correct the templates or bodies (alt texts, contrast, form labels, …) and publish again; rules at dequeuniversity.com/rules/axe',
    },
  }
  if (present.length === 0) {
    const note = `站点尚未发布，无页面可抽查 / nothing published to sample`
    return [
      {
        rule: 'html-validate',
        title: title.html,
        isSingleVeto: false,
        status: 'skip',
        evidence: [],
        fix: fix.html,
        note,
      },
      {
        rule: 'axe',
        title: title.axe,
        isSingleVeto: false,
        status: 'skip',
        evidence: [],
        fix: fix.axe,
        note,
      },
    ]
  }
  const item = (rule: 'html' | 'axe', findings: readonly Finding[], note: string): InspectionItem => ({
    rule: rule === 'html' ? 'html-validate' : 'axe',
    title: title[rule],
    isSingleVeto: false,
    status: findings.length > 0 ? 'fail' : 'pass',
    evidence: findings.map((finding) => finding.line),
    refs: findings.map((finding) => finding.ref),
    fix: fix[rule],
    note,
  })
  const html = item('html', await validateHtml(root, present), sampleNote)
  if (isQuick)
    return [
      html,
      {
        rule: 'axe',
        title: title.axe,
        isSingleVeto: false,
        status: 'skip',
        evidence: [],
        fix: fix.axe,
        note: '快速自查不启动浏览器：axe-core 在每日自查和“立即自查”中运行，不计为通过 / a quick check starts no browser: axe-core runs in the daily check and on “check now”, and this is not a pass',
      },
    ]
  if (chromiumPath === null || !existsSync(chromiumPath)) {
    return [
      html,
      {
        rule: 'axe',
        title: title.axe,
        isSingleVeto: false,
        status: 'skip',
        evidence: [],
        fix: fix.axe,
        note: `未安装 Chromium${chromiumPath ? `（${chromiumPath}）` : ''}，未做 axe-core 检查，不计为通过 / Chromium is not installed: axe-core did not run, which is not a pass`,
      },
    ]
  }
  return [html, item('axe', await runAxe(site, root, present, chromiumPath), sampleNote)]
}
