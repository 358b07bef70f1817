import { beforeEach, describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import {
  consultationListSchema,
  opinionListSchema,
  questionnaireResultsSchema,
} from '../../src/server/interaction-response-schemas.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

for (const engine of engines()) {
  describe(`${engine.name}: the questionnaire API`, () => {
    const t = useAdminServer(engine)
    let siteId: number

    beforeEach(async () => {
      siteId = (
        await t.content.sites.create(systemActor('cli:test'), {
          slug: 'simt',
          name: '上海市计量测试技术研究院',
          baseUrl: 'https://www.simt.com.cn',
        })
      ).id
      await t.addUser('siteadmin', [{ role: 'site_admin', siteId }])
      await t.addUser('editor', [{ role: 'editor', siteId }])
    })

    it('lets a site administrator set a questionnaire, count the answers and export them, and refuses an editor', async () => {
      const admin = await t.signedIn('siteadmin')
      const created = await admin.post('/api/sites/simt/consultations', {
        title: '服务满意度调查',
        draft: '请填写问卷。',
        startsDay: '2026-01-01',
        endsDay: '2099-12-31',
      })
      expect(created.status).toBe(201)
      const id = created.body.id as number

      const bad = await admin.put(`/api/consultations/${id}/questionnaire`, {
        questionnaire: { questions: [{ text: '满意吗？', type: 'single', options: ['是'] }] },
      })
      expect(bad.status).toBe(422)
      expect(bad.body.error.code).toBe('VALIDATION_FAILED')

      const editor = await t.signedIn('editor')
      const questionnaire = {
        takesOpinion: false,
        questions: [
          { text: '满意吗？', type: 'single', required: true, options: ['满意', '不满意'] },
          { text: '建议', type: 'text' },
        ],
      }
      expect((await editor.put(`/api/consultations/${id}/questionnaire`, { questionnaire })).status).toBe(403)
      const set = await admin.put(`/api/consultations/${id}/questionnaire`, { questionnaire })
      expect(set.status).toBe(200)
      expect(set.body.questionnaire.questions).toHaveLength(2)

      const consultation = await t.interaction.visitors.consultation(siteId, id)
      await t.interaction.visitors.submitOpinion(consultation, {
        name: '赵敏',
        phone: '13566667777',
        answers: { 0: 0, 1: '=1+1 周末也开放' },
      })
      const listed = consultationListSchema.parse((await admin.get('/api/sites/simt/consultations')).body)
      expect(listed).toMatchObject([
        { id, state: 'open', opinionCount: 1, questionnaire: { takesOpinion: false } },
      ])
      const opinions = opinionListSchema.parse((await admin.get(`/api/consultations/${id}/opinions`)).body)
      expect(opinions).toMatchObject([{ nameMasked: '赵*', answers: { 0: 0, 1: '=1+1 周末也开放' } }])
      expect(JSON.stringify(opinions)).not.toContain('13566667777')
      const results = await admin.get(`/api/consultations/${id}/results`)
      expect(results.status).toBe(200)
      expect(questionnaireResultsSchema.parse(results.body)).toMatchObject({
        responses: 1,
        questions: [
          {
            options: [
              { text: '满意', count: 1 },
              { text: '不满意', count: 0 },
            ],
          },
          { texts: ['=1+1 周末也开放'] },
        ],
      })
      expect((await editor.get(`/api/consultations/${id}/results`)).status).toBe(403)

      const csv = await admin.request('GET', `/api/consultations/${id}/responses.csv`)
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="responses-${id}.csv"`)
      // A text answer that looks like a formula is kept as text for spreadsheets.
      expect(String(csv.body)).toContain(",满意,'=1+1 周末也开放")
      expect(String(csv.body)).not.toContain('13566667777')
      expect(
        (await admin.request('GET', `/api/consultations/${id}/responses.csv?personal=true`)).status,
      ).toBe(403)

      // Not before it has ended: the feedback link.
      const early = await admin.put(`/api/consultations/${id}/feedback`, { articleId: 1 })
      expect(early.status).toBe(409)
      expect(early.body.error.code).toBe('INVALID_STATE')
    })
  })
}
