import { describe, expect, it } from 'vitest'
import { MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './growth-limits.ts'
import { createLiquidEngine, type DependencyRecorder } from './liquid-engine.ts'
import type { SiteRenderContext } from './render-context.ts'

const context = {
  site: { timeZone: 'Asia/Shanghai' },
  columns: {},
  newest: {},
} as unknown as SiteRenderContext

function render(source: string): string {
  const recorder: DependencyRecorder = { keys: new Set(), missing: new Map() }
  const engine = createLiquidEngine(
    { name: 't', templates: { 'page.liquid': source }, assets: {} },
    { context, generation: 0 },
    recorder,
  )
  return engine.renderFileSync('page.liquid', {}) as string
}

/** Doubles `a` with the filter until it would pass the cap. */
const doubling = (filter: string, start: string) =>
  `{% assign a = ${start} %}{% for i in (1..40) %}{% assign a = a | ${filter} %}{% endfor %}{{ a | size }}`

describe('filters that grow a list or a text', () => {
  it('stop a list doubled by concat at the cap, naming the filter, template and line', () => {
    expect(() => render(`\n${doubling('concat: a', '"1,2,3" | split: ","')}`)).toThrow(
      new RegExp(`concat: a list longer than ${MAX_LIST_ITEMS} items, file:page.liquid, line:2`),
    )
  })

  it('stop a text doubled by append, prepend or replace at the cap', () => {
    for (const filter of ['append: a', 'prepend: a', 'replace: "x", "xx"'])
      expect(() => render(doubling(filter, '"x"')), filter).toThrow(
        `a text longer than ${MAX_TEXT_CHARS} characters`,
      )
  })

  it('stop a join or an empty split past the cap, and leave ordinary use alone', () => {
    const text = (doublings: number) =>
      `{% assign s = "x" %}{% for i in (1..${doublings}) %}{% assign s = s | append: s %}{% endfor %}`
    expect(() => render(`${text(20)}{{ s | split: "" | size }}`)).toThrow('split: a list longer than')
    const separator = '-'.repeat(100)
    expect(() => render(`${text(16)}{{ s | split: "" | join: "${separator}" | size }}`)).toThrow(
      'join: a text longer than',
    )
    expect(
      render('{{ "a,b,c" | split: "," | concat: "d,e" | join: "-" | append: "!" | prepend: "¡" }}'),
    ).toBe('¡a-b-c-d,e!')
    expect(render('{{ "甲乙甲" | replace: "甲", "丙丁" | replace_first: "乙", "" }}')).toBe('丙丁丙丁')
  })
})
