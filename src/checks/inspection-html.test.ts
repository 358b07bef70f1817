import * as cheerio from 'cheerio'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inspectionHtml } from './inspection-html.ts'
import type { InspectionItem } from './inspection-item.ts'

const item = (evidence: string[], title: string): InspectionItem => ({
  rule: 'broken-links',
  title: { zh: title, en: title },
  isSingleVeto: false,
  status: 'fail',
  evidence,
  fix: { zh: '修复', en: 'fix' },
})

describe('the self-check as an HTML page', () => {
  it('shows any evidence and title as the text it is, never as markup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }),
        fc.string(),
        (evidence, title) => {
          const page = cheerio.load(
            inspectionHtml({
              site: 's',
              siteName: title,
              baseUrl: 'https://gov.example.cn/',
              checkedAt: 'now',
              items: [item(evidence, title)],
              failed: 0,
              changes: null,
            }),
          )
          expect(
            page('tbody li')
              .map((_index, element) => page(element).text())
              .get(),
          ).toEqual(evidence)
          expect(page('script, img, iframe')).toHaveLength(0)
          expect(page('h1').text()).toBe(`${title} 检查指标自查 / inspection self-check`)
        },
      ),
    )
  })
})
