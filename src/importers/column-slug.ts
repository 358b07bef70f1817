import { pinyin } from 'pinyin-pro'

/**
 * A column's path segment from its Chinese name, as government sites write them: the pinyin
 * initials (基层党建 → jcdj); letters and digits kept; another one when taken.
 */
export function columnSlug(name: string, taken: ReadonlySet<string>): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 40)
  const base = /^[a-z0-9]/.test(initials) ? initials : `lm${initials}`
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}${n}`
  return slug
}
