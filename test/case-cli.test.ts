import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { interactionKeyPath, loadInteractionKeys } from '../src/config/index.ts'
import { createInteraction } from '../src/interaction/index.ts'
import { openStore } from '../src/store/index.ts'
import { engines, freshPostgresUrl } from './support/engines.ts'
import { runFabu } from './support/run-fabu.ts'

for (const engine of engines()) {
  describe(`${engine.name}: fabu case`, { timeout: 120_000 }, () => {
    let folder: string
    let env: NodeJS.ProcessEnv

    const fabu = (...args: string[]) => runFabu(folder, env, ...args)

    /** A visitor's letter, as the public form stores it, with the data folder's key. */
    async function submitLetter(mailboxId: number) {
      const store = await openStore(
        env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { sqlitePath: join(folder, 'fabu.db') },
      )
      try {
        const interaction = createInteraction(store, { keys: loadInteractionKeys(folder, env) })
        const mailbox = await interaction.visitors.mailboxById(mailboxId)
        return await interaction.visitors.submit(mailbox, {
          subject: '申请公开2025年计量器具抽查结果',
          content: '请公开2025年本市计量器具监督抽查结果。',
          name: '陈静',
          phone: '13700001111',
          applicantType: 'citizen',
        })
      } finally {
        await store.close()
      }
    }

    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-case-cli-'))
      env = { ...process.env, DATABASE_URL: '', FABU_AUDIT_KEY: '', FABU_INTERACTION_KEY: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
    })
    afterEach(async () => {
      await rm(folder, { recursive: true, force: true })
    })

    it('lists cases with their deadlines and shows personal data only with --personal, audited', async () => {
      const site = await fabu(
        'site',
        'create',
        '--slug',
        'simt',
        '--name',
        '计量院',
        '--base-url',
        'https://simt.example',
      )
      expect(site.code, site.stderr).toBe(0)
      const box = await fabu(
        'case',
        'add-box',
        '--name',
        '依申请公开',
        '--slug',
        'ysqgk',
        '--kind',
        'disclosure',
        '--json',
      )
      expect(box.code, box.stderr).toBe(0)
      const mailbox = JSON.parse(box.stdout)
      expect(mailbox).toMatchObject({ deadlineDays: 20, kind: 'disclosure' })
      expect(existsSync(interactionKeyPath(folder))).toBe(true)
      const { caseId } = await submitLetter(mailbox.id)

      const listed = await fabu('case', 'list', '--site', 'simt', '--box', 'ysqgk', '--json')
      expect(listed.code, listed.stderr).toBe(0)
      expect(JSON.parse(listed.stdout)).toMatchObject([
        { id: caseId, status: 'received', urgency: 'on-time' },
      ])
      expect(JSON.parse((await fabu('case', 'list', '--overdue', '--json')).stdout)).toEqual([])
      const table = await fabu('case', 'list')
      expect(table.stdout).toContain('申请公开2025年计量器具抽查结果')

      const plain = await fabu('case', 'show', String(caseId))
      expect(plain.stdout).toContain('陈*')
      expect(plain.stdout).not.toContain('13700001111')
      const personal = await fabu('case', 'show', String(caseId), '--personal', '--json')
      expect(JSON.parse(personal.stdout).personal).toMatchObject({ name: '陈静', phone: '13700001111' })

      const audit = await fabu('audit', 'list', '--action', 'case.personal.read', '--json')
      expect(JSON.parse(audit.stdout)).toMatchObject([
        { action: 'case.personal.read', outcome: 'success', targetId: String(caseId) },
      ])
      const unknown = await fabu('case', 'list', '--site', 'simt', '--box', 'nope')
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain('VALIDATION_FAILED')
    })
  })
}
