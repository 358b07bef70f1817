import { describe, expect, it } from 'vitest'
import { stylesToClasses } from './styles-to-classes.ts'

describe('a Word body on a page without inline styles', () => {
  it('keeps alignment and the first-line indent as the theme’s classes', () => {
    expect(
      stylesToClasses(
        '<p style="text-align:center"><strong>通知</strong></p><p style="text-indent:21pt">各单位：</p>',
      ),
    ).toBe('<p class="fabu-align-center"><strong>通知</strong></p><p class="fabu-indent">各单位：</p>')
  })

  it('keeps what carries meaning, drops fonts, colours and sizes, and merges with classes there', () => {
    expect(
      stylesToClasses(
        '<span class="x" style="font-family:SimSun;color:#f00;font-weight:bold;text-decoration:underline">重</span>',
      ),
    ).toBe('<span class="x fabu-bold fabu-underline">重</span>')
    expect(stylesToClasses('<td colspan="2" style="width:120px;border:1px solid #000">项</td>')).toBe(
      '<td colspan="2">项</td>',
    )
  })

  it('leaves self-closing tags and bodies without styles whole', () => {
    expect(stylesToClasses('<img src="/uploads/a.png" style="text-align:right" />')).toBe(
      '<img src="/uploads/a.png" class="fabu-align-right" />',
    )
    const plain = '<p>没有样式的正文 style="text-align:center" 只是文字</p>'
    expect(stylesToClasses(plain)).toBe(plain)
  })
})
