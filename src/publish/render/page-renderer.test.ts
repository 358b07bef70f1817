import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { PageJob } from '../plan/page-job.ts'
import { PageRenderer } from './page-renderer.ts'
import type { SiteRenderContext } from './render-context.ts'

const theme = {
  name: 't',
  templates: {
    'page.liquid': "<main>{% render 'latest.liquid' %}</main>",
    // No arguments: its output depends on the run's data alone.
    'latest.liquid': '{% assign list = 7 | newest: 1 %}{{ list.first.title }}',
  },
  assets: {},
}

function contextWith(newestTitle: string): SiteRenderContext {
  return {
    site: { timeZone: 'Asia/Shanghai' },
    columns: { 7: { id: 7, path: 'tzgg', body: '' } },
    newest: { 7: [{ id: 1, title: newestTitle, url: '/a.html', publishAt: '', isPinned: false }] },
    queried: {},
  } as unknown as SiteRenderContext
}

const job: PageJob = {
  path: 'index.html',
  kind: 'home',
  refId: null,
  template: 'page.liquid',
  data: {},
  deps: [],
}

describe('a render process kept from one publish run to the next', () => {
  const folders: string[] = []
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'fabu-renderer-'))
    folders.push(made)
    return made
  }
  afterEach(() => {
    for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true })
  })

  it('shows the next run’s data in a partial it remembered in the run before', () => {
    const first = folder()
    const renderer = new PageRenderer(theme, contextWith('第一篇'), first)
    expect(renderer.render(job, undefined).outcome).toBe('added')
    expect(readFileSync(join(first, 'index.html'), 'utf8')).toBe('<main>第一篇</main>')

    const second = folder()
    expect(renderer.hasTemplatesOf({ ...theme, templates: { ...theme.templates } })).toBe(true)
    renderer.startRun(contextWith('第二篇'), second)
    expect(renderer.render(job, undefined).outcome).toBe('added')
    expect(readFileSync(join(second, 'index.html'), 'utf8')).toBe('<main>第二篇</main>')
  })

  it('is made again when a template changed', () => {
    const renderer = new PageRenderer(theme, contextWith('第一篇'), folder())
    const changed = { ...theme, templates: { ...theme.templates, 'page.liquid': '<main>新</main>' } }
    expect(renderer.hasTemplatesOf(changed)).toBe(false)
    const { 'latest.liquid': _dropped, ...fewer } = theme.templates
    expect(renderer.hasTemplatesOf({ ...theme, templates: fewer })).toBe(false)
  })
})
