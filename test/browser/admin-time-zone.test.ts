import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

/** `2017-12-14 16:44:05` for an instant in a zone, as the admin writes times. */
function wallClock(iso: string, timeZone: string, hasSeconds = false): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: hasSeconds ? 'medium' : 'short',
  }).format(new Date(iso))
}

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('an editor whose computer is set to New York', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 900 }, 'America/New_York')

  it('reads a site’s times in Shanghai time, and the audit log in the installation’s', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: 'https://www.shili.gov.cn',
      timeZone: 'Asia/Shanghai',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
    })
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    // 09:30 in Shanghai is 20:30 the day before in New York.
    const writer = await t.signedIn('bianji')
    const draft = (
      await writer.post('/api/articles', {
        columnId: column.id,
        title: '关于元旦放假安排的通知',
        publishAt: '2030-01-15 09:30',
      })
    ).body
    const submitted = await writer.post(`/api/articles/${draft.id}/submit`)
    expect(submitted.body).toMatchObject({ status: 'scheduled' })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
    await t.addUser('shenji', [{ role: 'audit_admin' }])

    const editor = await admin.signedIn('zhanzhang')
    expect(await editor.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'America/New_York',
    )
    await editor.page.goto(`${t.url}/admin/sites/${site.id}/dashboard`)
    const scheduled = editor.page.getByText('将于 2030-01-15 09:30 发布')
    await scheduled.waitFor({ timeout: 20_000 })
    expect(await editor.page.getByText('2030-01-14 20:30').count()).toBe(0)
    await editor.page.screenshot({ path: join(SCREENSHOTS, 'time-zone-dashboard.png') })

    const latest = await t.store.db
      .selectFrom('audit_log')
      .select(['at', 'action'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    const auditor = await admin.signedIn('shenji')
    await auditor.page.goto(`${t.url}/admin/administration/audit`)
    const table = auditor.page.locator('.ant-table-tbody')
    await table
      .getByText(wallClock(latest.at, 'Asia/Shanghai', true))
      .first()
      .waitFor({ timeout: 20_000 })
    expect(await table.getByText(wallClock(latest.at, 'America/New_York', true)).count()).toBe(0)
    await auditor.page.screenshot({ path: join(SCREENSHOTS, 'time-zone-audit-log.png') })
    expect([...editor.errors, ...auditor.errors]).toEqual([])
  }, 120_000)
})
