import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createInspection,
  createWordingGate,
  type Inspection,
  nextDailyRun,
  overdueCasesFrom,
  startDailyInspection,
} from '../../src/checks/index.ts'
import { operatorAccess, systemActor } from '../../src/content/index.ts'
import { useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { useInteraction } from '../support/interaction-fixture.ts'

const operator = { actor: systemActor('cli:test'), access: operatorAccess }
const DAY = 86_400_000

for (const engine of engines()) {
  describe(`${engine.name}: the inspection's runs, compared day by day`, () => {
    const t = useContent(engine)
    const cases = useInteraction(t)
    let output: string
    let inspection: Inspection

    beforeEach(async () => {
      output = await mkdtemp(join(tmpdir(), 'fabu-inspection-runs-'))
      inspection = createInspection(t.store, t.content, createWordingGate(), {
        outputRootFor: (slug) => join(output, slug),
        chromiumPath: null,
        overdueCases: overdueCasesFrom(cases.interaction),
      })
    })
    afterEach(async () => {
      await rm(output, { recursive: true, force: true })
    })

    const at = (days: number) => new Date(t.clock.now.getTime() + days * DAY)
    const statusOf = (report: { items: readonly { rule: string; status: string }[] }, rule: string) =>
      report.items.find((item) => item.rule === rule)?.status

    it('shows which indicators failed and which were fixed since the day before', async () => {
      const columns = []
      for (let i = 1; i <= 5; i++)
        columns.push(
          await t.content.columns.create(systemActor(), {
            siteId: t.site.id,
            name: `栏目${i}`,
            slug: `c${i}`,
          }),
        )
      const first = await inspection.save(operator, t.site.id, at(0))
      expect(first.changes).toBeNull()
      expect(statusOf(first, 'blank-columns')).toBe('fail')
      expect(statusOf(first, 'home-updated')).toBe('fail')

      // The next day every column gets an article.
      t.clock.now = at(1)
      for (const column of columns) {
        const article = await t.content.articles.create(systemActor(), {
          columnId: column.id,
          title: `${column.name}的信息`,
        })
        await t.content.articles.publish(systemActor(), article.id)
      }
      const second = await inspection.save(operator, t.site.id, t.clock.now)
      expect(second.changes?.since).toBe(first.checkedAt)
      expect(second.changes?.newlyFixed.map((item) => item.rule).sort()).toEqual([
        'blank-columns',
        'home-updated',
      ])
      expect(second.changes?.newlyFailed).toEqual([])

      // Three weeks on nothing new was published: the home page is stale again.
      const later = await inspection.run(operator, t.site.id, at(21))
      expect(later.changes?.since).toBe(second.checkedAt)
      expect(later.changes?.newlyFailed).toEqual([
        expect.objectContaining({ rule: 'home-updated', was: 'pass', now: 'fail' }),
      ])
      expect(later.changes?.newlyFixed).toEqual([])
      expect((await inspection.runs(operator, t.site.id)).map((run) => [run.checkedAt, run.failed])).toEqual([
        [second.checkedAt, 0],
        [first.checkedAt, 2],
      ])
    })

    it('warns of a letter past its deadline, and fails the site once one waits over three months', async () => {
      await cases.interaction.visitors.submit(cases.letters, {
        subject: '小区路灯不亮',
        content: '请尽快修复。',
        name: '王某',
        phone: '13900000001',
      })
      const received = t.clock.now.getTime()
      const item = async (days: number) => {
        t.clock.now = new Date(received + days * DAY)
        const report = await inspection.run(operator, t.site.id, t.clock.now)
        return { item: report.items.find((entry) => entry.rule === 'overdue-cases'), failed: report.failed }
      }
      expect((await item(0)).item).toMatchObject({ status: 'pass', evidence: [] })
      const overdue = await item(40)
      expect(overdue.item?.status).toBe('warn')
      expect(overdue.item?.evidence).toEqual([expect.stringContaining('院长信箱「小区路灯不亮」')])
      expect(overdue.item?.refs).toEqual([{ kind: 'case', id: expect.any(Number) }])
      const ignored = await item(95)
      expect(ignored.item?.status).toBe('fail')
      expect(ignored.failed).toBe(overdue.failed + 1)
      expect(ignored.item?.isSingleVeto).toBe(true)
    })
  })
}

describe('the daily run inside fabu serve', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('comes at the set time on the clock of Beijing, today if still ahead, else tomorrow', () => {
    expect(nextDailyRun(new Date('2026-12-05T22:00:00Z'), '06:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-05T22:30:00.000Z',
    )
    expect(nextDailyRun(new Date('2026-12-05T22:30:00Z'), '06:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-06T22:30:00.000Z',
    )
    expect(nextDailyRun(new Date('2026-12-31T23:59:00Z'), '00:00', 'Asia/Shanghai').toISOString()).toBe(
      '2027-01-01T16:00:00.000Z',
    )
  })

  it('runs once a day and stops when told', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T22:00:00Z') })
    const runs: string[] = []
    const daily = startDailyInspection({
      at: '06:30',
      timeZone: 'Asia/Shanghai',
      run: async (now) => {
        runs.push(now.toISOString())
      },
      onError: (error) => {
        throw error
      },
    })
    await vi.advanceTimersByTimeAsync(29 * 60_000)
    expect(runs).toEqual([])
    await vi.advanceTimersByTimeAsync(2 * 60_000)
    expect(runs).toEqual(['2026-12-05T22:30:00.000Z'])
    await vi.advanceTimersByTimeAsync(DAY)
    expect(runs).toEqual(['2026-12-05T22:30:00.000Z', '2026-12-06T22:30:00.000Z'])
    daily.stop()
    await vi.advanceTimersByTimeAsync(2 * DAY)
    expect(runs).toHaveLength(2)
  })
})
