import { describe, expect, it } from 'vitest'
import { createWordingGate, createWordLists } from '../../src/checks/index.ts'
import { createInteraction } from '../../src/interaction/index.ts'
import { useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { operator, testKeys, useInteraction } from '../support/interaction-fixture.ts'

const letter = {
  subject: '噪音扰民',
  content: '工地夜间施工。',
  name: '陈静',
  phone: '13700001111',
  mayPublish: true,
}

for (const engine of engines()) {
  describe(`${engine.name}: duplicates, 错敏词 in answers, and the case export`, { timeout: 60_000 }, () => {
    const t = useContent(engine)
    const i = useInteraction(t)

    it('finds the same sender again within the window and merges the duplicate into the first case', async () => {
      const first = await i.interaction.visitors.submit(i.letters, letter)
      t.clock.now = new Date(t.clock.now.getTime() + 3 * 86_400_000)
      const again = await i.interaction.visitors.submit(i.letters, {
        ...letter,
        subject: '还是噪音',
        phone: '+86 13700001111',
      })
      const other = await i.interaction.visitors.submit(i.letters, {
        ...letter,
        subject: '别的事',
        phone: '13900002222',
      })
      const desk = i.interaction.as(operator)
      expect((await desk.cases.duplicates(again.caseId)).map((c) => c.id)).toEqual([first.caseId])
      expect((await desk.cases.duplicates(other.caseId)).map((c) => c.id)).toEqual([])

      const merged = await desk.cases.mergeInto(again.caseId, first.caseId)
      expect(merged).toMatchObject({ status: 'invalid', duplicateOf: first.caseId })
      await expect(desk.cases.mergeInto(other.caseId, again.caseId)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      })
      await expect(desk.cases.mergeInto(first.caseId, i.letters.id + 10_000)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      // A merged case is no candidate any more.
      expect(await desk.cases.duplicates(first.caseId)).toEqual([])
    })

    it('refuses to send out an answer holding a 禁用 word of the site, and lets the corrected one go', async () => {
      const gate = createWordingGate()
      await createWordLists(t.store, t.content, gate).add(operator, t.site.id, {
        word: '国家级',
        kind: 'advertising',
        level: 'block',
      })
      const interaction = createInteraction(t.store, {
        keys: testKeys(),
        wordingGate: gate,
        now: () => t.clock.now,
      })
      const desk = interaction.as(operator)
      const receipt = await interaction.visitors.submit(i.letters, letter)
      await desk.cases.draftReply(receipt.caseId, { text: '本院是国家级计量机构，已处理。' })
      await expect(desk.cases.submitReply(receipt.caseId)).rejects.toMatchObject({ code: 'WORDING_BLOCKED' })
      expect((await desk.cases.get(receipt.caseId)).replyState).toBe('draft')
      await desk.cases.draftReply(receipt.caseId, { text: '本院是法定计量机构，已处理。' })
      const sent = await desk.cases.submitReply(receipt.caseId)
      expect(sent.replyState).toBe('in_review')
    })

    it('exports cases as CSV without personal data, adds it only for a handler, and audits each export', async () => {
      await i.interaction.visitors.submit(i.letters, { ...letter, content: '=HYPERLINK("http://evil")' })
      const editor = await i.user('editor1', [{ role: 'editor' }])
      const handler = await i.user('handler1', [{ role: 'editor' }])
      await i.interaction.as(operator).mailboxes.grantHandler(i.letters.id, handler.userId, null)

      const plain = await i.interaction.as(handler).cases.exportCsv({ siteId: t.site.id }, false)
      expect(plain.startsWith('\uFEFF编号 id,')).toBe(true)
      expect(plain).toContain('陈*')
      expect(plain).toContain(`"'=HYPERLINK(""http://evil"")"`)
      expect(plain).not.toContain('13700001111')
      expect(plain).not.toContain('陈静')

      const full = await i.interaction.as(handler).cases.exportCsv({ siteId: t.site.id }, true)
      expect(full).toContain('13700001111')
      expect(full).toContain('陈静')

      // The editor sees no case at all; the site administrator sees them but not the personal data.
      expect(await i.interaction.as(editor).cases.exportCsv({ siteId: t.site.id }, false)).not.toContain(
        '陈*',
      )
      const admin = await i.user('admin1', [{ role: 'site_admin' }])
      await expect(
        i.interaction.as(admin).cases.exportCsv({ siteId: t.site.id }, true),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      const audited = await t.store.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'detail'])
        .where('action', '=', 'case.export')
        .orderBy('id')
        .execute()
      expect(audited.map((row) => row.outcome)).toEqual(['success', 'success', 'success', 'failure'])
      expect(JSON.parse(audited[1]?.detail ?? '{}')).toMatchObject({ withPersonal: true, count: 1 })
    })
  })
}
