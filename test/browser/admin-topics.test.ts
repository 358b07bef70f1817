import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

/** A 1200 × 240 banner: a red band with a lighter stripe, a real picture to upload. */
function bannerPicture(background = '#a8181c'): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 240, channels: 3, background } })
    .composite([
      {
        input: { create: { width: 1200, height: 40, channels: 3, background: '#f0c040' } },
        top: 200,
        left: 0,
      },
    ])
    .png()
    .toBuffer()
}

describe('专题 in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1100 })
  const actor = systemActor('cli:test')

  it('creates a topic from the standard starter with a banner, changes the banner, quotes an article into it, publishes it and shows its own pages', async () => {
    const counter = new ViewCounter(t.store)
    const publicSite = await createPublicSite({ root: join(t.output, 'sites', 'shili'), counter })
    try {
      await story(await publicSite.listen({ host: '127.0.0.1', port: 0 }))
    } finally {
      await publicSite.close()
      await counter.close()
    }
  }, 180_000)

  async function story(origin: string) {
    const site = await t.content.sites.create(actor, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: origin,
    })
    const news = await t.content.columns.create(actor, { siteId: site.id, name: '要闻动态', slug: 'ywdt' })
    const draft = await t.content.articles.create(actor, {
      columnId: news.id,
      title: '全市优化营商环境大会召开',
      bodyHtml: '<p>会议部署了今年的重点任务。</p>',
    })
    await t.content.articles.publish(actor, draft.id)
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
    await t.queue.runPending()

    const { page, errors } = await admin.signedIn('zhanzhang')
    await page.getByRole('button', { name: '新建专题' }).click()
    const dialog = page.getByRole('dialog', { name: '新建专题' })
    await dialog.getByText('将创建子栏目：最新动态、政策文件、图片报道').waitFor({ timeout: 15_000 })
    await dialog.getByLabel('专题名称').fill('优化营商环境')
    await dialog.getByLabel('路径名').fill('yshj')
    await dialog.locator('input[type=file]').setInputFiles({
      name: '横幅.png',
      mimeType: 'image/png',
      buffer: await bannerPicture(),
    })
    await dialog.getByText(/^已上传：/).waitFor({ timeout: 30_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-new-topic.png') })
    expect(await axeViolations(page, 'new topic dialog')).toEqual([])
    await dialog.getByRole('button', { name: '创建专题' }).click()
    await page.getByText('专题「优化营商环境」已创建，含 3 个子栏目').waitFor({ timeout: 15_000 })
    await page.getByRole('treeitem', { name: '优化营商环境 专题' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-topic-in-tree.png') })
    expect(await axeViolations(page, 'column tree with a topic')).toEqual([])

    // 更换横幅 on the topic selected in the tree.
    await page.getByRole('button', { name: '更换横幅' }).click()
    const bannerDialog = page.getByRole('dialog', { name: '更换横幅：优化营商环境' })
    await bannerDialog.locator('input[type=file]').setInputFiles({
      name: '新横幅.png',
      mimeType: 'image/png',
      buffer: await bannerPicture('#1a4d8f'),
    })
    await bannerDialog.getByText('已上传：新横幅.png').waitFor({ timeout: 30_000 })
    await bannerDialog.getByRole('button', { name: /^保\s?存$/ }).click()
    await page.getByText('横幅已更换，专题页面将重新发布').waitFor({ timeout: 15_000 })
    const [stored] = await t.store.db
      .selectFrom('columns')
      .select('topic')
      .where('kind', '=', 'topic')
      .execute()
    const banner: string = JSON.parse(String(stored?.topic)).banner
    expect(banner).toMatch(/^\/uploads\/.+\.png$/)

    // 引用 with the editor's own tool: the article also shows in the topic's 政策文件.
    await page.getByRole('treeitem', { name: '要闻动态' }).click()
    await page.getByRole('button', { name: '全市优化营商环境大会召开' }).click()
    await page.getByRole('textbox', { name: '正文' }).waitFor({ timeout: 15_000 })
    await page.getByLabel('同时发布到（引用）').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle('政策文件').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByText('第 2 版').count(), { timeout: 15_000 }).toBe(1)
    const policy = await t.content.columns.byPath(site.id, 'yshj/zcwj')
    expect((await t.content.articles.get(draft.id)).alsoInColumnIds).toEqual([policy.id])
    expect(errors).toEqual([])

    await t.queue.runPending()
    const visitor = await page.context().newPage()
    await visitor.goto(`${origin}/yshj/index.html`)
    await visitor.getByRole('heading', { level: 1, name: '优化营商环境' }).waitFor({ timeout: 15_000 })
    const bannerImage = visitor.locator('img.topic-banner')
    expect(await bannerImage.getAttribute('src')).toBe(banner)
    await expect
      .poll(() => bannerImage.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(1200)
    const section = visitor.getByRole('region', { name: '政策文件' })
    expect(await section.getByRole('link', { name: '全市优化营商环境大会召开' }).count()).toBe(1)
    await visitor.screenshot({ path: join(SCREENSHOTS, 'topic-page.png'), fullPage: true })
    expect(await axeViolations(visitor, 'topic page')).toEqual([])

    await visitor
      .getByRole('navigation', { name: '优化营商环境 栏目' })
      .getByRole('link', { name: '政策文件' })
      .click()
    await visitor.getByRole('heading', { level: 1, name: '政策文件' }).waitFor({ timeout: 15_000 })
    expect(await visitor.getByRole('link', { name: '全市优化营商环境大会召开' }).count()).toBe(1)
    await visitor.screenshot({ path: join(SCREENSHOTS, 'topic-list-page.png'), fullPage: true })
    expect(await axeViolations(visitor, 'topic list page')).toEqual([])
  }
})
