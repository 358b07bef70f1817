import { describe, expect, it } from 'vitest'
import { createLiquidEngine, type DependencyRecorder } from './liquid-engine.ts'
import { fieldQueryKey, newestQuery, type SiteRenderContext } from './render-context.ts'

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

describe('a column’s newest articles in an incremental run', () => {
  // The run's data holds column 7's newest articles; column 8's were not read by the planner.
  const lazy = {
    ...context,
    columns: { 7: { id: 7, path: 'tzgg' }, 8: { id: 8, path: 'xwzx' } },
    queried: {} as Record<string, unknown>,
  } as unknown as SiteRenderContext

  it('asks for a column the run does not hold, and shows the answer once it came', () => {
    const recorder: DependencyRecorder = { keys: new Set(), missing: new Map() }
    const engine = createLiquidEngine(
      {
        name: 't',
        templates: { 'home.liquid': '{% assign a = 8 | newest: 1 %}{{ a.first.title }}|' },
        assets: {},
      },
      { context: lazy, generation: 0 },
      recorder,
    )
    expect(engine.renderFileSync('home.liquid', {})).toBe('|')
    expect([...recorder.missing.values()]).toEqual([{ columnId: 8, field: '', value: '' }])

    recorder.missing.clear()
    Object.assign(lazy.queried, { [fieldQueryKey(newestQuery(8))]: [{ title: '新闻一' }] })
    expect(engine.renderFileSync('home.liquid', {})).toBe('新闻一|')
    expect(recorder.missing.size).toBe(0)
  })
})
