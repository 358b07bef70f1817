import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'
import { operator } from '../support/interaction-fixture.ts'

// The admin UI is the same on either engine; the browser story runs on SQLite.
describe('政民互动 settings and consultations in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1000 })

  it('lets the site administrator make a mailbox, give it a handler, enter 调休 days and open a consultation', {
    timeout: 120_000,
  }, async () => {
    const site = await t.content.sites.create(systemActor('cli:test'), {
      slug: 'simt',
      name: '上海市计量测试技术研究院',
      baseUrl: 'https://www.simt.com.cn',
    })
    // The calendar is the whole installation's: the system administrator's (here the same person).
    await t.addUser('siteadmin', [
      { role: 'site_admin', siteId: site.id },
      { role: 'system_admin', siteId: null },
    ])
    const handlerId = await t.addUser('handler', [{ role: 'editor', siteId: site.id }])

    const { page, errors } = await admin.signedIn('siteadmin')
    await page.locator('.section-switch').getByText('互动设置', { exact: true }).click()
    await page.getByLabel('名称', { exact: true }).fill('院长信箱')
    await page.getByLabel('地址名', { exact: true }).fill('yzxx')
    await page.getByRole('button', { name: '新建信箱' }).click()
    await expect.poll(() => page.getByRole('cell', { name: '院长信箱', exact: true }).count()).toBe(1)

    await page.getByLabel('用户编号').fill(String(handlerId))
    await page.getByLabel('审核级别', { exact: true }).fill('1')
    await page.getByRole('button', { name: '授权办理' }).click()
    await expect.poll(() => page.getByRole('button', { name: '取消授权' }).count()).toBe(1)

    // An existing mailbox edited in its dialog: new name and deadline, a category added.
    await page.getByRole('button', { name: '修改信箱：院长信箱' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('名称', { exact: true }).fill('院长信箱（新）')
    await dialog.getByLabel('办理期限（工作日）').fill('10')
    await dialog.getByLabel('分类', { exact: true }).fill('收费')
    await dialog.getByLabel('分类', { exact: true }).press('Enter')
    await dialog.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.getByRole('cell', { name: '院长信箱（新）', exact: true }).count()).toBe(1)
    const [edited] = await t.interaction.as(operator).mailboxes.list(site.id)
    expect(edited).toMatchObject({
      name: '院长信箱（新）',
      deadlineDays: 10,
      categories: ['收费'],
      slug: 'yzxx',
    })

    await page.getByLabel('年份').fill('2026')
    await page.getByLabel('年份').press('Enter')
    await page.getByLabel('日期', { exact: true }).fill('2026-10-10')
    await page.getByLabel('类型', { exact: true }).last().click()
    await page.getByTitle('调休上班').click()
    await page.getByLabel('说明', { exact: true }).fill('国庆调休')
    await page.getByRole('button', { name: '添加' }).click()
    await page.getByRole('button', { name: '保存本年' }).click()
    await expect.poll(() => page.getByRole('status').getByText('已保存').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-interaction-settings.png'), fullPage: true })
    expect(await axeViolations(page, 'interaction settings')).toEqual([])

    const saved = await t.interaction.as(operator).calendar.list(2026)
    expect(saved).toEqual([{ day: '2026-10-10', kind: 'workday', note: '国庆调休' }])
    const [mailbox] = await t.store.db.selectFrom('mailboxes').selectAll().execute()
    expect(
      await t.store.db
        .selectFrom('mailbox_handlers')
        .select(['user_id', 'review_level'])
        .where('mailbox_id', '=', mailbox?.id ?? 0)
        .execute(),
    ).toEqual([{ user_id: handlerId, review_level: 1 }])

    await page.locator('.section-switch').getByText('意见征集', { exact: true }).click()
    await page.getByLabel('标题', { exact: true }).fill('《检定收费办法（征求意见稿）》')
    await page.getByLabel('征求意见稿', { exact: true }).fill('第一条 <script>alert(1)</script>')
    await page.getByLabel('开始日期').fill('2026-11-01')
    await page.getByLabel('结束日期').fill('2099-12-31')
    await page.getByRole('button', { name: '发起意见征集' }).click()
    await page.getByRole('button', { name: '《检定收费办法（征求意见稿）》' }).click()
    await expect.poll(() => page.getByText('第一条 <script>alert(1)</script>').count()).toBe(1)
    await expect.poll(() => page.getByText('征集中').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-consultations.png'), fullPage: true })
    expect(await axeViolations(page, 'consultations')).toEqual([])

    // A questionnaire defined in the admin, answered by the public, counted as bars with numbers.
    await page.getByRole('button', { name: '添加问题' }).click()
    await page.getByLabel('问题 1', { exact: true }).fill('您是否支持按月收费？')
    await page.getByLabel('选项（每行一个） 1', { exact: true }).fill('支持\n不支持')
    await page.getByRole('button', { name: '保存问卷' }).click()
    const [consultation] = await t.interaction.as(operator).consultations.list(site.id)
    await expect
      .poll(
        async () =>
          (await t.interaction.visitors.consultation(site.id, consultation?.id ?? 0)).questionnaire?.questions
            .length,
      )
      .toBe(1)
    const current = await t.interaction.visitors.consultation(site.id, consultation?.id ?? 0)
    for (const [name, choice] of [
      ['甲', 0],
      ['乙', 0],
      ['丙', 1],
    ] as const)
      await t.interaction.visitors.submitOpinion(current, {
        content: `${name}的意见`,
        name,
        answers: { 0: choice },
      })
    await page.reload()
    await page.locator('.section-switch').getByText('意见征集', { exact: true }).click()
    await page.getByRole('button', { name: '《检定收费办法（征求意见稿）》' }).click()
    await expect.poll(() => page.getByText('共 3 份答卷').count()).toBe(1)
    const bars = page.locator('.result-bars tr')
    await expect.poll(() => bars.locator('th').allInnerTexts()).toEqual(['支持', '不支持'])
    // The numbers are text beside each bar, not only its length.
    expect(await bars.locator('td:last-child').allInnerTexts()).toEqual(['2 (67%)', '1 (33%)'])
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-questionnaire-results.png'), fullPage: true })
    expect(await axeViolations(page, 'questionnaire results')).toEqual([])
    expect(errors).toEqual([])
  })
})
