import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { launchChromium } from '../support/browser.ts'
import { sqliteEngine } from '../support/engines.ts'
import { runFabu } from '../support/run-fabu.ts'
import { type ServeProcess, startServe } from '../support/serve-process.ts'
import { addServedAccount, signInOnPage } from '../support/served-account.ts'

const WIDTH = 4000
const HEIGHT = 3000

/** A 4000 × 3000 camera photo (a colour gradient) carrying what a camera writes: maker, model, GPS. */
async function cameraPhoto(): Promise<Buffer> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3)
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 3
      pixels[at] = (x * 255) / WIDTH
      pixels[at + 1] = (y * 255) / HEIGHT
      pixels[at + 2] = 128
    }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R6', Copyright: '示例市融媒体中心' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 53/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '125/1 19/1 0/1',
      },
    })
    .jpeg({ quality: 70 })
    .toBuffer()
}

/** Width, height and whether EXIF is left, of a file a reader's browser would fetch. */
async function servedPicture(url: string) {
  const response = await fetch(url)
  expect(response.status, url).toBe(200)
  const { width, height, exif } = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
  return { width, height, hasExif: exif !== undefined }
}

/** The published page's body picture and attachment links, as a reader's browser finds them. */
async function publishedPage(reader: Page, url: string) {
  const response = await reader.goto(url)
  expect(response?.status(), url).toBe(200)
  const pictures = await reader.locator('article .article-body img').all()
  expect(pictures).toHaveLength(1)
  const attachments: string[] = []
  for (const link of await reader.locator('article .attachments a').all())
    attachments.push(new URL(String(await link.getAttribute('href')), reader.url()).href)
  return {
    picture: new URL(String(await pictures[0]?.getAttribute('src')), reader.url()).href,
    attachments,
  }
}

/**
 * In the editor of a new article of the selected column: the photo put in the body with the
 * toolbar's 插入图片, the keep-the-original box ticked or not; saved and sent to publication.
 * Answers the article's id.
 */
async function writeWithPhoto(
  page: Page,
  title: string,
  photo: Buffer,
  options: { keepsOriginal: boolean; screenshot?: string },
): Promise<number> {
  await page.getByRole('button', { name: '写文章' }).click()
  await page
    .locator('input, textarea')
    .and(page.getByLabel('标题', { exact: true }))
    .fill(title)
  const keep = page.getByRole('checkbox', { name: /另存原图为附件/ })
  if (options.keepsOriginal) await keep.check()
  expect(await keep.isChecked()).toBe(options.keepsOriginal)
  const body = page.getByRole('textbox', { name: '正文' })
  await body.click()
  await page.keyboard.type('活动现场。')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '插入图片' }).click()
  await (await chooser).setFiles({ name: '活动现场.jpg', mimeType: 'image/jpeg', buffer: photo })
  // A 12-megapixel photo is scaled and re-encoded twice on a loaded machine: allow it time.
  // Shown from the site's /uploads/, or from memory when this session's file is what was stored.
  const placed = body.locator('img.body-image')
  await placed.waitFor({ timeout: 60_000 })
  await expect
    .poll(() => placed.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0)
  // The kept original shows among the attachments before anything is saved.
  const attached = page.locator('.attachment-list .attachment-name')
  await expect
    .poll(() => attached.allTextContents(), { timeout: 10_000 })
    .toEqual(options.keepsOriginal ? ['活动现场.jpg'] : [])
  if (options.screenshot)
    await page.screenshot({ path: join(SCREENSHOTS, options.screenshot), fullPage: true })
  await page.getByRole('button', { name: '保存' }).click()
  await expect.poll(() => page.getByText('第 1 版').count(), { timeout: 20_000 }).toBe(1)
  const id = Number(/\/articles\/(\d+)/.exec(page.url())?.[1])
  expect(id).toBeGreaterThan(0)
  await page.getByRole('button', { name: '提交发布' }).click()
  await page.getByText('已提交发布').first().waitFor({ timeout: 20_000 })
  return id
}

// The editor's upload is the same on either engine; the story runs on SQLite.
describe('a large photo placed in an article body, in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1100 })
  const actor = systemActor('cli:test')

  it('is published at most 1,600 px on its longest side without EXIF, and its full-size original is attached only when asked for', async () => {
    const photo = await cameraPhoto()
    // The fixture is what a camera writes: were it without EXIF, the check below would prove nothing.
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const counter = new ViewCounter(t.store)
    const publicSite = await createPublicSite({ root: join(t.output, 'sites', 'shili'), counter })
    try {
      const origin = await publicSite.listen({ host: '127.0.0.1', port: 0 })
      const site = await t.content.sites.create(actor, {
        slug: 'shili',
        name: '示例市人民政府',
        baseUrl: origin,
      })
      await t.content.columns.create(actor, { siteId: site.id, name: '图片新闻', slug: 'tpxw' })
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])

      const { page, errors } = await admin.signedIn('bianji')
      await page.getByRole('treeitem', { name: '图片新闻' }).click()
      const kept = await writeWithPhoto(page, '全市重点项目集中开工（附原图）', photo, {
        keepsOriginal: true,
        screenshot: 'admin-image-resize-editor.png',
      })
      await page
        .getByRole('button', { name: /返\s?回/ })
        .first()
        .click()
      const scaledOnly = await writeWithPhoto(page, '全市重点项目集中开工', photo, { keepsOriginal: false })
      expect(errors).toEqual([])

      await t.queue.runPending()
      const reader = await page.context().newPage()
      const urlOf = async (id: number) => {
        const article = await t.content.articles.get(id)
        expect(article.status).toBe('published')
        return `${origin}/${article.urlPath}`
      }

      const withOriginal = await publishedPage(reader, await urlOf(kept))
      expect(await servedPicture(withOriginal.picture)).toEqual({ width: 1600, height: 1200, hasExif: false })
      expect(withOriginal.attachments).toHaveLength(1)
      expect(await servedPicture(withOriginal.attachments[0] ?? '')).toEqual({
        width: WIDTH,
        height: HEIGHT,
        hasExif: false,
      })
      expect(await reader.locator('article .attachments a').textContent()).toBe('活动现场.jpg')
      await reader.screenshot({ path: join(SCREENSHOTS, 'image-resize-published.png'), fullPage: true })

      const withoutOriginal = await publishedPage(reader, await urlOf(scaledOnly))
      expect(await servedPicture(withoutOriginal.picture)).toEqual({
        width: 1600,
        height: 1200,
        hasExif: false,
      })
      expect(withoutOriginal.attachments).toEqual([])
      expect(await reader.locator('article .attachments').count()).toBe(0)
    } finally {
      await publicSite.close()
      await counter.close()
    }
  }, 240_000)
})

// `[uploads] image_max_side` is read from fabu.toml by `fabu serve`: the story runs it as an operator does.
describe('a large photo on an installation whose fabu.toml sets image_max_side = 1000, in Chromium', () => {
  let folder: string
  let server: ServeProcess
  let browser: Browser
  const env = { ...process.env, DATABASE_URL: '', FABU_DEFAULT_SITE: '' }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-image-side-'))
    const fabu = async (...args: string[]) => {
      const result = await runFabu(folder, env, ...args)
      expect(result.code, result.stderr).toBe(0)
    }
    await fabu('init')
    await writeFile(join(folder, 'fabu.toml'), '[uploads]\nimage_max_side = 1000\n')
    await fabu(
      'site',
      'create',
      '--slug',
      'shili',
      '--name',
      '示例市人民政府',
      '--base-url',
      'https://www.shili.gov.cn/',
    )
    await fabu('column', 'create', '--site', 'shili', '--name', '图片新闻', '--slug', 'tpxw')
    server = await startServe(folder, env, 'shili')
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('serves the photo scaled to 1,000 px on its longest side', async () => {
    const editor = await addServedAccount(
      folder,
      env,
      server,
      'bianji',
      '--role',
      'editor',
      '--site',
      'shili',
    )
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await signInOnPage(page, server.adminUrl, 'bianji')
    await page.getByRole('treeitem', { name: '图片新闻' }).click()
    const id = await writeWithPhoto(page, '全市重点项目集中开工', await cameraPhoto(), {
      keepsOriginal: false,
    })

    // fabu serve publishes in the background; the run gives the article its URL.
    const read = async () => (await editor.get(`/api/articles/${id}`)).body
    await expect.poll(async () => (await read()).urlPath, { timeout: 30_000 }).toMatch(/^tpxw\/.+\.html$/)
    const article = await read()
    expect(article.status).toBe('published')
    const url = `${server.publicUrl}${article.urlPath}`
    await expect.poll(async () => (await fetch(url)).status, { timeout: 30_000 }).toBe(200)
    const published = await publishedPage(await context.newPage(), url)
    expect(await servedPicture(published.picture)).toEqual({ width: 1000, height: 750, hasExif: false })
    expect(published.attachments).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 180_000)
})
