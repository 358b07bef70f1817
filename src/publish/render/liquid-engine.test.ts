import { describe, expect, it } from 'vitest'
import { createLiquidEngine, type DependencyRecorder } from './liquid-engine.ts'
import type { SiteRenderContext } from './render-context.ts'

const context = {
  site: { timeZone: 'Asia/Shanghai' },
  columns: { 7: { id: 7, path: 'tzgg' } },
  newest: { 7: [{ title: '一' }, { title: '二' }, { title: '三' }] },
} as unknown as SiteRenderContext

function engineWith(templates: Record<string, string>) {
  const recorder: DependencyRecorder = { keys: new Set(), missing: new Map() }
  const engine = createLiquidEngine(
    { name: 't', templates, assets: {} },
    { context, generation: 0 },
    recorder,
  )
  const render = (name: string, scope: Record<string, unknown> = {}) => {
    recorder.keys.clear()
    return { html: engine.renderFileSync(name, scope) as string, keys: [...recorder.keys] }
  }
  return render
}

describe('rendering partials', () => {
  const render = engineWith({
    'page.liquid': "[{% render 'side.liquid', n: n %}][{% render 'side.liquid', n: 1 %}]",
    'side.liquid': '{% assign list = 7 | newest: 2 %}{{ list.size }}-{{ n }}-{{ list.first.title }}',
    'plain.liquid': "{% render 'side.liquid', n: 5 %}",
  })

  it('gives each set of arguments its own output, however often a partial is reused', () => {
    expect(render('page.liquid', { n: 1 }).html).toBe('[2-1-一][2-1-一]')
    expect(render('page.liquid', { n: 2 }).html).toBe('[2-2-一][2-1-一]')
    expect(render('page.liquid', { n: 2 }).html).toBe('[2-2-一][2-1-一]')
  })

  it('records the data a remembered partial read on every page that shows it', () => {
    expect(render('plain.liquid').keys).toEqual(['newest:7'])
    expect(render('plain.liquid').keys).toEqual(['newest:7'])
    expect(render('page.liquid', { n: 3 }).keys).toEqual(['newest:7'])
  })
})
