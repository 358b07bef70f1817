import type { Kysely } from 'kysely'
import type { Engine } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * 政民互动, third part (docs/interaction.md): a consultation may carry a questionnaire (调查,
 * its questions as JSON, fixed once answers arrive), each response keeps its answers as JSON
 * next to the opinion, and a closed consultation may link a published article as its
 * 结果反馈.
 */
export const questionnairesAndFeedback: Migration = {
  version: 25,
  name: 'questionnaires and consultation feedback',
  async up(db: Kysely<unknown>, _engine: Engine) {
    await db.schema.alterTable('consultations').addColumn('questionnaire', 'text').execute()
    // No foreign key: the article may be withdrawn or deleted; the page then drops the link.
    await db.schema.alterTable('consultations').addColumn('feedback_article_id', 'integer').execute()
    await db.schema.alterTable('consultation_opinions').addColumn('answers', 'text').execute()
  },
}
