import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answersFromForm, parseQuestionnaire, validateAnswers } from './questionnaire.ts'

const questionnaire = parseQuestionnaire(
  JSON.stringify({
    questions: [
      { text: '是否了解', type: 'single', required: true, options: ['了解', '不了解'] },
      { text: '关心什么', type: 'multiple', options: ['收费', '时限', '服务'] },
      { text: '建议', type: 'text' },
    ],
  }),
)
if (!questionnaire) throw new Error('the questionnaire parses')

const fieldName = fc.constantFrom('q1', 'q2', 'q3', 'q2-0', 'q2-1', 'q2-2', 'q2-9', 'q4', 'token', 'q1-0')

describe('a questionnaire posted from a plain form', () => {
  it('either refuses the fields or keeps only choices that were offered, whatever is posted', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fieldName, fc.oneof(fc.string(), fc.constantFrom('0', '1', '2', '7', '-1', '01'))),
        (fields) => {
          let answers: ReturnType<typeof validateAnswers>
          try {
            answers = validateAnswers(questionnaire, answersFromForm(questionnaire, fields))
          } catch (error) {
            expect((error as { code?: string }).code).toBe('VALIDATION_FAILED')
            return
          }
          expect([0, 1]).toContain(answers[0])
          for (const option of (answers[1] as readonly number[] | undefined) ?? [])
            expect([0, 1, 2]).toContain(option)
          if (answers[2] !== undefined) expect(typeof answers[2]).toBe('string')
          expect(Object.keys(answers).every((key) => ['0', '1', '2'].includes(key))).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('reads checked boxes as the options they stand for, in order, without repeats', () => {
    const answers = validateAnswers(
      questionnaire,
      answersFromForm(questionnaire, { q1: '1', 'q2-2': '1', 'q2-0': 'on', q3: '  多开放几天  ' }),
    )
    expect(answers).toEqual({ 0: 1, 1: [0, 2], 2: '多开放几天' })
  })
})
