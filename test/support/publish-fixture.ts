import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { Article, Column } from '../../src/content/index.ts'
import { Publisher, type PublishReport } from '../../src/publish/index.ts'
import { type ContentFixture, editor, useContent } from './content-fixture.ts'
import type { TestEngine } from './engines.ts'

export interface PublishFixture extends ContentFixture {
  output: string
  publisher: Publisher
  columns: { xwzx: Column; ynyw: Column; mtjj: Column; tzgg: Column }
  /** Publishes the site (incrementally unless told otherwise). */
  publish(mode?: 'full' | 'incremental'): Promise<PublishReport>
  /** Creates and publishes an article; `day` orders them (2024-01-<day> 09:00). */
  article(column: Column, title: string, day: number): Promise<Article>
  read(path: string): Promise<string>
}

/**
 * A small site with lists of three per page, so that a handful of articles spans several
 * pages: 新闻中心 (lists its children's articles) > 院内要闻 (7 articles), 媒体聚焦 (2);
 * 通知公告 (2). It is published in full before each test.
 */
export function usePublishedSite(
  engine: TestEngine,
  options: {
    pageDeadlineMs?: number
    slowPageMs?: number
    themesRoot?: () => string
    /** As a server's publisher: its render processes, and what they parsed, go from run to run. */
    keepsWorkers?: boolean
  } = {},
) {
  const t = useContent(engine) as PublishFixture
  beforeEach(async () => {
    t.output = await mkdtemp(join(tmpdir(), 'fabu-out-'))
    t.publisher = new Publisher(t.store, t.content, {
      outputRootFor: () => join(t.output, 'site'),
      manifestDir: join(t.output, 'manifests'),
      workers: 2,
      ...(options.pageDeadlineMs ? { pageDeadlineMs: options.pageDeadlineMs } : {}),
      ...(options.slowPageMs ? { slowPageMs: options.slowPageMs } : {}),
      ...(options.themesRoot ? { themesRoot: options.themesRoot() } : {}),
      ...(options.keepsWorkers ? { keepsWorkers: true } : {}),
    })
    t.publish = (mode = 'incremental') => t.publisher.publish({ site: t.site.id, mode })
    t.read = (path) => readFile(join(t.output, 'site', path), 'utf8')
    t.article = async (column, title, day) => {
      const created = await t.content.articles.create(editor, {
        columnId: column.id,
        title,
        publishAt: `2024-01-${String(day).padStart(2, '0')} 09:00`,
        bodyHtml: `<p>${title}的正文。</p>`,
      })
      return t.content.articles.publish(editor, created.id)
    }
    const column = (name: string, slug: string, extra: Record<string, unknown> = {}) =>
      t.content.columns.create(editor, { siteId: t.site.id, name, slug, pageSize: 3, ...extra })
    const xwzx = await column('新闻中心', 'xwzx', { includesDescendants: true })
    const ynyw = await column('院内要闻', 'ynyw', { parentId: xwzx.id })
    const mtjj = await column('媒体聚焦', 'mtjj', { parentId: xwzx.id })
    const tzgg = await column('通知公告', 'tzgg')
    t.columns = { xwzx, ynyw, mtjj, tzgg }
    for (let day = 1; day <= 7; day++) await t.article(ynyw, `院内要闻${day}`, day)
    for (let day = 1; day <= 2; day++) await t.article(mtjj, `媒体聚焦${day}`, day + 10)
    for (let day = 1; day <= 2; day++) await t.article(tzgg, `通知${day}`, day + 20)
    await t.publish('full')
  })
  afterEach(async () => {
    await t.publisher.close()
    await rm(t.output, { recursive: true, force: true })
  })
  return t
}
