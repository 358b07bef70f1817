import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

const defaultTheme = new URL('../../themes/default', import.meta.url).pathname

/** The home page lists 通知公告's 人事 notices twice (inline, and through a partial), and its urgent ones. */
const PERSONNEL_LIST = `{% block content %}
{%- assign personnel = 'tzgg' | newest_where: 'category', '人事', 5 %}
<ul id="personnel">{% for item in personnel %}<li>{{ item.title }}</li>{% endfor %}</ul>
{%- assign urgent = 'tzgg' | newest_where: 'urgent', true %}
<ul id="urgent">{% for item in urgent %}<li>{{ item.title }}</li>{% endfor %}</ul>
{% render 'personnel.liquid' %}`

for (const engine of engines()) {
  describe(`${engine.name}: list queries by custom field`, () => {
    let themes: string
    beforeAll(async () => {
      themes = await mkdtemp(join(tmpdir(), 'fabu-themes-'))
      const theme = join(themes, 'default')
      await cp(defaultTheme, theme, { recursive: true })
      const home = join(theme, 'home.liquid')
      await writeFile(home, (await readFile(home, 'utf8')).replace('{% block content %}', PERSONNEL_LIST))
      await writeFile(
        join(theme, 'personnel.liquid'),
        `{%- assign items = 'tzgg' | newest_where: 'category', '人事', 2 -%}
<ol id="personnel-partial">{% for item in items %}<li>{{ item.title }}</li>{% endfor %}</ol>`,
      )
    })
    afterAll(async () => {
      await rm(themes, { recursive: true, force: true })
    })
    const t = usePublishedSite(engine, { themesRoot: () => themes })

    async function notice(title: string, category: string, day: number, urgent = false) {
      const created = await t.content.articles.create(editor, {
        columnId: t.columns.tzgg.id,
        title,
        publishAt: `2024-02-${String(day).padStart(2, '0')} 09:00`,
        bodyHtml: `<p>${title}</p>`,
        customFields: { category, urgent },
      })
      return t.content.articles.publish(editor, created.id)
    }
    const listed = (html: string, id: string) =>
      [
        ...(new RegExp(`<(?:ul|ol) id="${id}">(.*?)</(?:ul|ol)>`, 's').exec(html)?.[1] ?? '').matchAll(
          /<li>(.*?)<\/li>/g,
        ),
      ].map((match) => match[1])

    it('lists a column’s newest articles with a field’s value, pinned first, and keeps them current', async () => {
      await t.content.columns.update(editor, t.columns.tzgg.id, {
        fieldSchema: [
          { name: 'category', label: '类别', type: 'select', options: ['人事', '采购'] },
          { name: 'urgent', label: '紧急', type: 'boolean' },
        ],
      })
      await notice('人事一', '人事', 1)
      const buying = await notice('采购一', '采购', 2)
      const pinned = await notice('人事二（置顶）', '人事', 3)
      await t.content.articles.update(editor, pinned.id, { baseRevision: pinned.revision, weight: 9 })
      await notice('人事三', '人事', 4, true)
      const full = await t.publish()
      expect(full.failed).toEqual([])
      let home = await t.read('index.html')
      expect(listed(home, 'personnel')).toEqual(['人事二（置顶）', '人事三', '人事一'])
      expect(listed(home, 'personnel-partial')).toEqual(['人事二（置顶）', '人事三'])
      expect(listed(home, 'urgent')).toEqual(['人事三'])

      // Moving a notice into the field's value is a change to 通知公告: the home page follows.
      await t.content.articles.update(editor, buying.id, {
        baseRevision: buying.revision,
        customFields: { category: '人事', urgent: false },
      })
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(run.written).toContain('index.html')
      home = await t.read('index.html')
      expect(listed(home, 'personnel')).toEqual(['人事二（置顶）', '人事三', '采购一', '人事一'])

      // 排序: the column's manual order comes after the pinned ones here too, older ones first
      // when the editor says so.
      const older = await notice('人事零', '人事', 1)
      await t.content.articles.orderManually(editor, t.columns.tzgg.id, [older.id, buying.id])
      await t.publish()
      home = await t.read('index.html')
      expect(listed(home, 'personnel')).toEqual(['人事二（置顶）', '人事零', '采购一', '人事三', '人事一'])
      expect(listed(home, 'personnel-partial')).toEqual(['人事二（置顶）', '人事零'])
    })

    it('fails a page whose template names no proper field, saying so, and publishes the rest', async () => {
      const home = join(themes, 'default', 'home.liquid')
      const source = await readFile(home, 'utf8')
      await writeFile(home, source.replace("newest_where: 'category'", "newest_where: 'no such-field'"))
      try {
        const run = await t.publish('full')
        expect(run.failed.map((failure) => failure.path)).toEqual(['index.html'])
        expect(run.failed[0]?.error).toContain('"no such-field" is not a custom field name')
        expect(run.written.length + run.unchanged).toBeGreaterThan(20)
      } finally {
        await writeFile(home, source)
      }
    })
  })
}
