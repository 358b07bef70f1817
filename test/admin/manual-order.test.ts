import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arrangement, byDate, orderedHead } from '../../admin/src/columns/manual-order.ts'

/** Articles with distinct ids and publish times drawn from a few days (ties included). */
const articles = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 0, maxLength: 20 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), {
        minLength: ids.length,
        maxLength: ids.length,
      }),
    ),
  )
  .map(([ids, days]) =>
    ids.map((id, index) => {
      const day = days[index]
      return { id, publishAt: day === null || day === undefined ? null : `2024-01-0${day}T09:00:00Z` }
    }),
  )

const shuffled = articles.chain((list) => fc.shuffledSubarray(list, { minLength: list.length }))

describe('the 排序 dialog saves the head of the arrangement that differs from date order', () => {
  it('shows again exactly the arrangement the editor made when reopened with what it saved', () => {
    fc.assert(
      fc.property(shuffled, (arranged) => {
        const saved = orderedHead(arranged)
        expect(arrangement(arranged, saved)).toEqual(arranged)
      }),
    )
  })

  it('saves nothing for articles left in date order', () => {
    fc.assert(
      fc.property(articles, (list) => {
        expect(orderedHead([...list].sort(byDate))).toEqual([])
      }),
    )
  })

  it('saves the moved article and those above it when an old article is moved to the top', () => {
    const list = [1, 2, 3, 4].map((id) => ({ id, publishAt: `2024-01-0${id}T09:00:00Z` })).sort(byDate)
    const oldestOnTop = [list[3], list[0], list[1], list[2]].filter((each) => each !== undefined)
    expect(orderedHead(oldestOnTop)).toEqual([1])
  })
})
