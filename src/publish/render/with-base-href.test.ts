import fc from 'fast-check'
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import { withBaseHref } from './with-base-href.ts'

interface TreeNode {
  readonly tagName?: string
  readonly attrs?: readonly { readonly name: string; readonly value: string }[]
  readonly childNodes?: readonly TreeNode[]
}

interface TreeNode {
  readonly tagName?: string
  readonly attrs?: readonly { readonly name: string; readonly value: string }[]
  readonly childNodes?: readonly TreeNode[]
}

/** The base elements a browser would see, in document order, with their hrefs. */
function basesOf(page: string): string[] {
  const found: string[] = []
  const pending: TreeNode[] = [parse(page) as TreeNode]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.tagName === 'base') found.push(node.attrs?.find((a) => a.name === 'href')?.value ?? '')
    if (node.childNodes) pending.push(...[...node.childNodes].reverse())
  }
  return found
}

describe('a preview page given the site’s address', () => {
  it('gets <base href> first in its head, wherever the template put its <head>', () => {
    const page = withBaseHref(
      '<!doctype html><html lang="zh-CN"><head><title>通知</title></head><body>x</body></html>',
      'https://gov.example.cn/',
    )
    expect(page).toContain('<head><base href="https://gov.example.cn/"><title>通知</title>')
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true)
  })

  it('is not fooled by a <head> in a comment or an attribute', () => {
    const page = withBaseHref(
      '<!-- <head> --><html><head><meta charset="utf-8"></head><body><a title="<head>">x</a></body></html>',
      'https://gov.example.cn/',
    )
    expect(basesOf(page)).toEqual(['https://gov.example.cn/'])
    expect(page).toContain('<!-- <head> -->')
    expect(page).toContain('title="<head>"')
  })

  it('gets exactly one base, the first thing in its head, whatever markup the template wrote', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', '>', '/', '"', "'", '=', 'head', 'base', '!--', ' ', 'x') }),
        (markup) => {
          const page = withBaseHref(markup, 'https://gov.example.cn/')
          const bases = basesOf(page)
          expect(bases[0]).toBe('https://gov.example.cn/')
          expect(bases.length).toBe(basesOf(markup).length + 1)
        },
      ),
      { numRuns: 300 },
    )
  })
})
