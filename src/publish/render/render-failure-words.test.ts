import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderFailureWords } from './render-failure-words.ts'

describe('a render failure told to a template author', () => {
  it('names an unknown filter in Chinese with the template, line and column', () => {
    expect(renderFailureWords('undefined filter: upcse, file:article.liquid, line:3, col:6')).toEqual({
      zh: '未知过滤器 upcse（article.liquid 第 3 行第 6 列）',
      en: 'unknown filter upcse (article.liquid, line 3, col 6)',
    })
  })

  it('names a missing partial and the render limit in Chinese', () => {
    expect(
      renderFailureWords('ENOENT: Failed to lookup "nope.liquid" in ".", file:list.liquid, line:1, col:1').zh,
    ).toBe('找不到模板文件 nope.liquid（list.liquid 第 1 行第 1 列）')
    expect(renderFailureWords('template render limit exceeded, file:home.liquid, line:4, col:2').zh).toBe(
      '渲染时间超出上限（循环过多？）（home.liquid 第 4 行第 2 列）',
    )
  })

  it('says in Chinese which template a stopped renderer was rendering, past its deadline or its memory', () => {
    expect(renderFailureWords('rendering took longer than 2000 ms and was stopped (article.liquid)')).toEqual(
      {
        zh: 'article.liquid 渲染超过 2000 毫秒，已停止',
        en: 'rendering took longer than 2000 ms and was stopped (article.liquid)',
      },
    )
    expect(
      renderFailureWords(
        "the template used more than the renderer's 96 MB of memory; the renderer was stopped (print.liquid)",
      ).zh,
    ).toBe('print.liquid 占用内存超过渲染进程的 96 MB，渲染进程已停止')
  })

  it('keeps an unknown message behind a Chinese lead, so Chinese never shows English alone', () => {
    expect(renderFailureWords('something odd').zh).toBe('模板语法错误（something odd）')
  })

  it('reads the position of any message, whatever commas it quotes', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.stringMatching(/^[a-z][a-z-]{0,12}\.liquid$/),
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 1, max: 999 }),
        (what, file, line, col) => {
          const words = renderFailureWords(`${what}, file:${file}, line:${line}, col:${col}`)
          expect(words.zh.endsWith(`（${file} 第 ${line} 行第 ${col} 列）`)).toBe(true)
          expect(words.en.endsWith(`(${file}, line ${line}, col ${col})`)).toBe(true)
        },
      ),
    )
  })
})
