import { hideStyles } from './style-attributes.ts'

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, tr, blockquote, pre, div'

/**
 * A body's text, paragraph by paragraph, read in an inert document (no pictures load, no
 * script runs), for showing two versions side by side.
 */
export function bodyText(html: string): string[] {
  const body = new DOMParser().parseFromString(hideStyles(html), 'text/html').body
  for (const cell of body.querySelectorAll('td, th')) cell.append(' ')
  for (const block of body.querySelectorAll(BLOCKS)) block.append('\n')
  return (body.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}
