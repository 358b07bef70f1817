import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { createInteraction } from '../../src/interaction/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'
import { operator, testKeys } from '../support/interaction-fixture.ts'

// The admin UI is the same on either engine; the browser story runs on SQLite.
describe('the letters inbox in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1000 })

  it('lets a handler read a letter, see who sent it, and answer it through review', {
    timeout: 120_000,
  }, async () => {
    const site = await t.content.sites.create(systemActor('cli:test'), {
      slug: 'simt',
      name: '上海市计量测试技术研究院',
      baseUrl: 'https://www.simt.com.cn',
    })
    const mailbox = await t.interaction.as(operator).mailboxes.create({
      siteId: site.id,
      slug: 'yzxx',
      name: '院长信箱',
      kind: 'consultation',
    })
    const hostile = '<img src=x onerror=alert(1)>能否上门检定？'
    await t.interaction.visitors.submit(mailbox, {
      subject: '上门检定',
      content: hostile,
      name: '钱程',
      phone: '13744445555',
    })
    const handlerId = await t.addUser('handler', [{ role: 'editor', siteId: site.id }])
    await t.interaction.as(operator).mailboxes.grantHandler(mailbox.id, handlerId, 1)

    const { page, errors } = await admin.signedIn('handler')
    await page.locator('.section-switch').getByText('来信办理', { exact: true }).click()
    await page.getByRole('button', { name: '上门检定' }).click()
    const card = page.getByRole('region', { name: '上门检定' }).or(page.locator('.section-card'))
    // The visitor's markup is text in the admin, never an element.
    await expect.poll(() => card.getByText(hostile).count()).toBe(1)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    await expect.poll(() => card.getByText('钱*').count()).toBe(1)
    await card.getByRole('button', { name: '查看个人信息（记入审计）' }).click()
    await expect.poll(() => card.getByText('13744445555').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-inbox-case.png'), fullPage: true })
    expect(await axeViolations(page, 'inbox')).toEqual([])

    await card.getByLabel('答复', { exact: true }).fill('可以，请致电预约上门检定。')
    await card.getByRole('button', { name: '保存草稿' }).click()
    await expect.poll(() => card.getByText('草稿', { exact: true }).count()).toBe(1)
    await card.getByRole('button', { name: '送审' }).click()
    await expect.poll(() => card.getByText('审核中', { exact: true }).count()).toBe(1)
    await card.getByRole('button', { name: '审核通过' }).click()
    await expect.poll(() => page.getByRole('cell', { name: '已答复' }).count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-inbox-answered.png'), fullPage: true })

    // A letter received a month ago and never answered is overdue on the dashboard.
    const lastMonth = createInteraction(t.store, {
      keys: testKeys(),
      now: () => new Date(Date.now() - 30 * 86_400_000),
    })
    await lastMonth.visitors.submit(mailbox, {
      subject: '无人答复的来信',
      content: '一个月前',
      name: '孙',
      phone: '13700000000',
    })
    await page.locator('.section-switch').getByText('工作台', { exact: true }).click()
    const dueCard = page.locator('.dashboard-card', {
      has: page.getByRole('heading', { name: '超期和将到期的来信' }),
    })
    await expect.poll(() => dueCard.getByText('无人答复的来信', { exact: false }).count()).toBe(1)
    expect(await dueCard.getByText('已超期').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-dashboard-overdue-letter.png'), fullPage: true })

    const reads = await t.content.audit.list({ action: 'case.personal.read' })
    expect(reads.map((r) => r.outcome)).toEqual(['success'])
    expect(errors).toEqual([])
  })

  it('shows a handler with no role only the inbox of their site, where they ask for a 补正 and extend an application', {
    timeout: 120_000,
  }, async () => {
    const site = await t.content.sites.create(systemActor('cli:test'), {
      slug: 'simt',
      name: '上海市计量测试技术研究院',
      baseUrl: 'https://www.simt.com.cn',
    })
    await t.content.sites.create(systemActor('cli:test'), {
      slug: 'other',
      name: '别的站点',
      baseUrl: 'https://other.example.cn',
    })
    const mailbox = await t.interaction.as(operator).mailboxes.create({
      siteId: site.id,
      slug: 'ysqgk',
      name: '依申请公开',
      kind: 'disclosure',
    })
    await t.interaction.visitors.submit(mailbox, {
      subject: '申请公开检定收费标准',
      content: '请公开 2025 年检定收费标准。',
      name: '周密',
      phone: '13755556666',
    })
    const handlerId = await t.addUser('clerk', [])
    await t.interaction.as(operator).mailboxes.grantHandler(mailbox.id, handlerId, null)

    const { page, errors } = await admin.signedIn('clerk')
    const sections = page.locator('.section-switch')
    // Polled as a whole: the console may still be redirecting from / to the inbox and re-rendering.
    await expect.poll(() => sections.locator('.ant-segmented-item').allTextContents()).toEqual(['来信办理'])
    await expect.poll(() => page.locator('.site-select').getByText(site.name).count()).toBe(1)
    await page.locator('.site-select').click()
    await expect.poll(() => page.locator('.ant-select-item-option').allTextContents()).toEqual([site.name])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: '申请公开检定收费标准' }).click()
    const card = page.locator('.section-card')
    expect(await card.getByRole('button', { name: '补正已收到' }).isDisabled()).toBe(true)
    await card.getByRole('button', { name: '要求补正' }).click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.getByRole('button', { name: '发送补正通知' }).isDisabled()).toBe(true)
    await dialog.getByLabel('需要补正的内容（申请人查询时可见）').fill('请写明所需信息的年份和文号。')
    await dialog.getByRole('button', { name: '发送补正通知' }).click()
    await expect.poll(() => page.getByRole('cell', { name: '待补正' }).count()).toBe(1)
    await expect.poll(() => card.getByRole('button', { name: '要求补正' }).isDisabled()).toBe(true)
    await card.getByRole('button', { name: '补正已收到' }).click()
    await expect.poll(() => page.getByRole('cell', { name: '办理中' }).count()).toBe(1)

    await card.getByRole('button', { name: '延长答复期限' }).click()
    await page.getByRole('dialog').getByLabel('延期理由（记入办理记录和审计）').fill('需要征求第三方意见')
    await page.getByRole('dialog').getByRole('button', { name: '延期 20 个工作日' }).click()
    await expect.poll(() => card.getByRole('button', { name: '延长答复期限' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-inbox-handler-only.png'), fullPage: true })
    expect(await axeViolations(page, 'inbox of a handler')).toEqual([])
    const [found] = await t.interaction.as(operator).cases.list({})
    expect(found).toMatchObject({
      status: 'handling',
      extensionDays: 20,
      extensionReason: '需要征求第三方意见',
    })
    expect(errors).toEqual([])
  })
})
