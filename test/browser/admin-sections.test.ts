import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

/**
 * A button's name: antd may space out a two-character Chinese label (登 录), and a button that
 * was busy may keep its fading "loading" icon in its name.
 */
const button = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s?')}$`)

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('the publishing and administration screens in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1280, height: 900 })
  const signedIn = (userName: string) => admin.signedIn(userName)

  async function openSection(page: Page, name: string) {
    await page.locator('.section-switch').getByText(name, { exact: true }).click()
  }

  /** A site with one published article, published once: its next change is pending. */
  async function publishedSite() {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '计量测试院',
      baseUrl: 'https://www.simt.example.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
    })
    const first = await t.content.articles.create(operator, { columnId: column.id, title: '第一篇通知' })
    await t.content.articles.publish(operator, first.id)
    await t.publisher.publish({ site: site.id })
    return { site, column }
  }

  it('lets a site administrator preview the plan, publish with progress and find the run in the history', async () => {
    const { site, column } = await publishedSite()
    const second = await t.content.articles.create(operator, { columnId: column.id, title: '第二篇通知' })
    await t.content.articles.publish(operator, second.id)
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])

    const { page, errors } = await signedIn('zhanzhang')
    await openSection(page, '发布')
    await page.getByRole('heading', { name: '发布：计量测试院' }).waitFor()
    await expect.poll(() => page.getByText(/将重新生成 \d+ 个页面/).count(), { timeout: 15_000 }).toBe(1)
    expect(await page.getByRole('cell', { name: 'index.html', exact: true }).count()).toBe(1)
    expect(await page.getByRole('cell', { name: 'tzgg/index.html', exact: true }).count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-publishing-plan.png'), fullPage: true })
    const violations = await axeViolations(page, 'publishing')

    await page.getByRole('button', { name: '开始发布' }).click()
    await expect.poll(() => page.getByText('发布完成').count(), { timeout: 30_000 }).toBe(1)
    const progress = page.getByRole('progressbar', { name: '发布进度' })
    expect(await progress.getAttribute('aria-valuenow')).toBe('100')
    await expect.poll(() => page.getByText('没有待发布的改动，无需重新生成页面。').count()).toBe(1)

    // The history now holds the earlier run and this one, newest first; this one opens to its files.
    const history = page
      .locator('.section-card')
      .filter({ has: page.getByRole('heading', { name: '发布记录' }) })
    await expect.poll(() => history.getByText('共 2 次发布').count(), { timeout: 15_000 }).toBe(1)
    await history
      .getByRole('button', { name: /展开|expand/i })
      .first()
      .click()
    await expect.poll(() => history.getByRole('heading', { name: /^修改 \(\d+\)$/ }).count()).toBe(1)
    expect(await history.locator('.run-manifest code', { hasText: /^index\.html$/ }).count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-publishing-done.png'), fullPage: true })

    expect(violations).toEqual([])
    expect(errors).toEqual([])
  }, 90_000)

  it('offers an editor no publishing screen, and audits no refusal for it', async () => {
    const { site } = await publishedSite()
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    const { page, errors } = await signedIn('bianji')
    await page.locator('.section-switch').getByText('文章', { exact: true }).waitFor()
    expect(await page.locator('.section-switch').getByText('发布', { exact: true }).count()).toBe(0)
    const refused = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '!=', 'success')
      .execute()
    expect(refused).toEqual([])
    expect(errors).toEqual([])
  }, 60_000)

  it('lets a site administrator restore a deleted article from the recycle bin', async () => {
    const { site, column } = await publishedSite()
    const binned = await t.content.articles.create(operator, { columnId: column.id, title: '误删的通知' })
    await t.content.articles.delete(operator, binned.id)
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
    const { page, errors } = await signedIn('zhanzhang')
    await openSection(page, '系统管理')
    await page.getByRole('tab', { name: '回收站' }).click()
    await page.getByRole('button', { name: '恢复 误删的通知' }).click()
    await expect.poll(() => page.getByText('回收站是空的').count(), { timeout: 15_000 }).toBe(1)
    expect((await t.content.articles.get(binned.id)).deletedAt).toBeNull()
    expect(errors).toEqual([])
  }, 60_000)

  it('lets a security administrator grant an editor role on a site, and shows the grant', async () => {
    const { site } = await publishedSite()
    await t.addUser('anquan', [{ role: 'security_admin' }])
    await t.addUser('xiaowang')

    const { page, errors } = await signedIn('anquan')
    await openSection(page, '系统管理')
    await page.getByRole('tab', { name: '用户' }).waitFor()
    await expect.poll(() => page.getByRole('cell', { name: 'xiaowang', exact: true }).count()).toBe(2)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-users.png'), fullPage: true })
    const usersViolations = await axeViolations(page, 'users')

    await page.getByRole('button', { name: '授权：xiaowang' }).click()
    const dialog = page.getByRole('dialog', { name: '授权：xiaowang' })
    await dialog.getByLabel('角色').click()
    await page.locator('.ant-select-dropdown:visible').getByText('编辑', { exact: true }).click()
    // The security administrator sees the sites' names (not their content) to grant in them.
    await dialog.getByLabel('站点').click()
    await page.locator('.ant-select-dropdown:visible').getByText(site.name, { exact: true }).click()
    await dialog.getByRole('button', { name: '添加授权' }).click()
    await expect
      .poll(() => dialog.locator('.grant-item').getByText(`编辑 · ${site.name}`).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-grants.png') })
    const dialogViolations = await axeViolations(page, 'grants dialog')
    await page.keyboard.press('Escape')
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /xiaowang/ })
          .getByText(`编辑 · ${site.name}`)
          .count(),
      )
      .toBe(1)

    const grants = await t.store.db.selectFrom('grants').selectAll().where('role', '=', 'editor').execute()
    expect(grants.map((grant) => [grant.role, grant.site_id, grant.column_id])).toEqual([
      ['editor', site.id, null],
    ])
    expect([...usersViolations, ...dialogViolations]).toEqual([])
    expect(errors).toEqual([])
  }, 90_000)

  it('lets an audit administrator read the log, see that its chain is intact and export it as CSV', async () => {
    await t.addUser('shenji', [{ role: 'audit_admin' }])
    const { page, errors } = await signedIn('shenji')
    await openSection(page, '系统管理')
    // The audit log is the only tab of an audit administrator (三员分立).
    await page.getByRole('tab', { name: '审计日志' }).waitFor()
    expect(await page.getByRole('tab').count()).toBe(1)
    await expect.poll(() => page.getByText(/^审计日志完整/).count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => page.getByRole('cell', { name: '授予角色', exact: true }).count()).toBe(1)
    expect(await page.getByRole('cell', { name: '新建用户', exact: true }).count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-audit.png'), fullPage: true })
    const violations = await axeViolations(page, 'audit')

    const href = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')
    expect(href).toBe('/api/audit/export.csv')
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url)
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      }
    }, href ?? '')
    expect(csv.status).toBe(200)
    expect(csv.type).toMatch(/^text\/csv/)
    expect(csv.text).toContain('user.grant')

    // Filtering by an action narrows the table and the export alike.
    await page.getByLabel('按动作筛选').fill('user.create')
    await page.getByLabel('按动作筛选').press('Enter')
    await expect.poll(() => page.getByRole('cell', { name: '授予角色', exact: true }).count()).toBe(0)
    expect(await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toBe(
      '/api/audit/export.csv?action=user.create',
    )

    expect(violations).toEqual([])
    expect(errors).toEqual([])
  }, 60_000)

  it('lets a system administrator create a site, and speaks only English once switched', async () => {
    await t.addUser('xitong', [{ role: 'system_admin' }])
    const { page, errors } = await signedIn('xitong')
    await openSection(page, '系统管理')
    await page.getByRole('tab', { name: '站点' }).click()
    await page.getByRole('button', { name: '新建站点' }).click()
    const dialog = page.getByRole('dialog', { name: '新建站点' })
    await dialog.getByLabel('站点名称').fill('示范区政府')
    await dialog.getByLabel('站点代号').fill('sfq')
    await dialog.getByLabel('网址').fill('https://www.sfq.example.gov.cn')
    await dialog.getByLabel('主办单位').fill('示范区人民政府办公室')
    await dialog.getByLabel('网站标识码').fill('3100000001')
    // A pattern whose pages could be a column's list pages: the refusal shows under the field.
    const pattern = dialog.getByLabel('文章链接规则')
    expect(await pattern.inputValue()).toBe('{column}/{yyyy}/{mm}/{dd}/{id}.html')
    await pattern.fill('{column}/index_{id}.html')
    await dialog.getByRole('button', { name: button('创建') }).click()
    const patternError = dialog.locator('.ant-form-item-has-error').getByText(/index_n\.html/)
    await expect.poll(() => patternError.count(), { timeout: 15_000 }).toBe(1)
    await dialog.screenshot({ path: join(SCREENSHOTS, 'admin-site-url-pattern-refused.png') })
    await pattern.fill('{column}/{id}.html')
    await dialog.getByRole('button', { name: button('创建') }).click()
    await expect
      .poll(() => page.getByRole('cell', { name: '示范区政府', exact: true }).count(), { timeout: 15_000 })
      .toBe(1)
    const created = await t.content.sites.get('sfq')
    expect([created.name, created.sponsor, created.siteIdCode, created.articleUrlPattern]).toEqual([
      '示范区政府',
      '示范区人民政府办公室',
      '3100000001',
      '{column}/{id}.html',
    ])

    // A new account: the password policy's refusal shows under the password field.
    await page.getByRole('tab', { name: '用户' }).click()
    await page.getByRole('button', { name: '新建用户' }).click()
    const userDialog = page.getByRole('dialog', { name: '新建用户' })
    await userDialog.getByLabel('用户名').fill('zhangsan')
    await userDialog.getByLabel('姓名').fill('Zhang San')
    await userDialog.getByLabel('初始密码').fill('short')
    await userDialog.getByRole('button', { name: button('创建') }).click()
    const passwordError = userDialog.locator('.ant-form-item-has-error').getByText(/密码|\d/)
    await expect.poll(() => passwordError.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await userDialog.locator('.ant-form-item-has-error').getByLabel('初始密码').count()).toBe(1)
    await userDialog.getByLabel('初始密码').fill('Zs#2026-welcome')
    await userDialog.getByRole('button', { name: button('创建') }).click()
    await expect.poll(() => page.getByRole('cell', { name: 'zhangsan', exact: true }).count()).toBe(1)
    // Disabling asks first.
    await page.getByRole('button', { name: '停用 zhangsan' }).click()
    const confirmDialog = page.getByRole('dialog', { name: '停用用户 zhangsan？' })
    await confirmDialog.getByRole('button', { name: button('停用') }).click()
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /zhangsan/ })
          .getByText('已停用')
          .count(),
      )
      .toBe(1)
    expect(
      (
        await t.store.db
          .selectFrom('users')
          .select('disabled')
          .where('user_name', '=', 'zhangsan')
          .executeTakeFirstOrThrow()
      ).disabled,
    ).toBeTruthy()

    await page.getByRole('tab', { name: '站点' }).click()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('tab', { name: 'Sites' }).waitFor()
    expect(await page.getByRole('button', { name: 'New site' }).count()).toBe(1)
    for (const word of ['新建站点', '站点名称', '主办单位', '用户', '回收站', '系统管理'])
      expect(await page.getByText(word, { exact: true }).count()).toBe(0)
    // Apart from what people typed (the site's name and sponsor), no Chinese is left on the screen.
    const text = await page.locator('section[aria-labelledby="administration-title"]').textContent()
    expect(String(text).replaceAll('示范区政府', '').replaceAll('示范区人民政府办公室', '')).not.toMatch(
      /\p{Script=Han}/u,
    )
    await page.getByRole('tab', { name: 'Users' }).click()
    await expect.poll(() => page.getByRole('cell', { name: 'zhangsan', exact: true }).count()).toBe(1)
    const users = await page.locator('section[aria-labelledby="administration-title"]').textContent()
    expect(String(users)).not.toMatch(/\p{Script=Han}/u)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-administration-english.png'), fullPage: true })
    // The browser itself logs the refused pattern and password (422); nothing else may go wrong.
    expect(errors.filter((error) => !/status of 422/.test(error))).toEqual([])
  }, 60_000)
})
