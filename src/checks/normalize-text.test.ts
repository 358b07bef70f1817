import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeText, originalRange, unitEnd } from './normalize-text.ts'

const noise = fc.constantFrom(' ', '\u3000', '，', '。', '·', '\u200b', '-', '、', '（', '）', '\t')
const chinese = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code))
const anyText = fc.string({
  unit: fc.oneof(
    fc.constant('ａ'),
    chinese,
    noise,
    fc.constant('Ｚ'),
    fc.constant('😀'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 60,
})

describe('folding text for the wording lists', () => {
  it('drops inserted spaces and punctuation and folds full-width forms', () => {
    expect(normalizeText('台 湾，国').text).toBe('台湾国')
    expect(normalizeText('ＡＢＣ　１２３').text).toBe('abc123')
    expect(normalizeText('核\u200b心·价值观').text).toBe('核心价值观')
  })

  it('maps every folded unit back to the code point of the original it came from', () => {
    fc.assert(
      fc.property(anyText, (original) => {
        const normal = normalizeText(original)
        expect(normal.starts.length).toBe(normal.text.length)
        let previous = 0
        for (let k = 0; k < normal.text.length; k++) {
          const start = normal.starts[k] as number
          const end = unitEnd(normal, k)
          expect(start).toBeGreaterThanOrEqual(previous)
          expect(end).toBeGreaterThan(start)
          expect(end).toBeLessThanOrEqual(original.length)
          // The source code point folds to a string that holds this unit.
          expect(normalizeText(original.slice(start, end)).text).toContain(normal.text[k])
          previous = start
        }
      }),
    )
  })

  it('finds a word wherever noise is inserted into it, and maps the range to the noisy original', () => {
    fc.assert(
      fc.property(
        fc.array(chinese, { minLength: 2, maxLength: 8 }),
        fc.array(fc.array(noise, { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
        fc.string({ maxLength: 10 }),
        (chars, gaps, before) => {
          const word = chars.join('')
          const noisy = chars.map((char, i) => (i === 0 ? char : (gaps[i]?.join('') ?? '') + char)).join('')
          const original = `${before}${noisy}`
          const normal = normalizeText(original)
          const at = normal.text.lastIndexOf(word)
          expect(at).toBeGreaterThanOrEqual(0)
          const [from, to] = originalRange(normal, at, at + word.length)
          expect(normalizeText(original.slice(from, to)).text).toBe(word)
          expect(to).toBe(original.length)
        },
      ),
    )
  })
})
