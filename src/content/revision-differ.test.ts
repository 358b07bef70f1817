import { afterEach, describe, expect, it } from 'vitest'
import { INLINE_MAX_SNAPSHOT_CHARS, RevisionDiffer } from './revision-differ.ts'
import { workerTasks } from './worker-tasks.ts'

const stored = (revision: number, bodyHtml: string, title = '通知') => ({
  revision,
  snapshotJson: JSON.stringify({ title, bodyHtml }),
})

describe('the revision differ', () => {
  const opened: RevisionDiffer[] = []
  function differ(options: ConstructorParameters<typeof RevisionDiffer>[0] = {}) {
    const made = new RevisionDiffer(options)
    opened.push(made)
    return made
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()))
  })

  it('compares long revisions in a worker exactly as on the calling thread', async () => {
    const from = stored(1, `${'<p>不变的段落</p>'.repeat(500)}<p>下周一检定</p>`)
    const to = stored(2, `${'<p>不变的段落</p>'.repeat(500)}<p>下周三检定</p>`, '检定通知')
    expect(from.snapshotJson.length).toBeGreaterThan(INLINE_MAX_SNAPSHOT_CHARS)
    const diff = await differ().diff(7, from, to)
    expect(diff).toEqual(workerTasks.diffRevisions({ articleId: 7, from, to }))
    expect(diff.fields.map((field) => field.field)).toEqual(['title', 'bodyHtml'])
    expect(diff.body.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: '周一' },
      { kind: 'added', text: '周三' },
    ])
  })

  it('stops a comparison that overruns its deadline with DIFF_TOO_COMPLEX, and compares the next one', async () => {
    const from = stored(1, '<p>x</p>'.repeat(60_000))
    const to = stored(2, '<p>y</p>'.repeat(60_000))
    await expect(differ({ deadlineMs: 1 }).diff(7, from, to)).rejects.toMatchObject({
      code: 'DIFF_TOO_COMPLEX',
      status: 422,
      messages: {
        zh: expect.stringContaining('文章 7 的修订 1 与 2 过长或差异过多'),
        en: expect.stringContaining('revisions 1 and 2 of article 7 are too long or too different'),
      },
    })
    const patient = differ({ deadlineMs: 60_000 })
    const next = await patient.diff(7, stored(1, '<p>甲</p>'.repeat(200)), stored(2, '<p>乙</p>'.repeat(200)))
    expect(next.fields.map((field) => field.field)).toEqual(['bodyHtml'])
  })

  it('fails comparisons still waiting when it is closed', async () => {
    const closing = differ()
    const waiting = expect(
      closing.diff(7, stored(1, '<p>x</p>'.repeat(1000)), stored(2, '<p>y</p>'.repeat(1000))),
    ).rejects.toThrow('closed')
    await closing.close()
    await waiting
  })
})
