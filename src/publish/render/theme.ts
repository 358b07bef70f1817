import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { NotFoundError } from '../../errors/index.ts'

/** A theme as plain data: its templates by file name, and its static files by path. */
export interface Theme {
  readonly name: string
  readonly templates: Readonly<Record<string, string>>
  readonly assets: Readonly<Record<string, Uint8Array>>
}

const THEMES_ROOT = resolve(import.meta.dirname, '../../../themes')
const TEMPLATE_NAME = /^[a-z0-9][a-z0-9_-]*\.liquid$/
const THEME_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/

/**
 * Reads a theme folder once. Templates are handed to the renderer as strings, so a template
 * can never reach a file outside its theme: there is no file system behind it.
 */
export function loadTheme(name: string, root = THEMES_ROOT): Theme {
  if (!THEME_NAME.test(name)) throw new NotFoundError('theme', name)
  const folder = join(root, name)
  let entries: string[]
  try {
    entries = readdirSync(folder)
  } catch {
    throw new NotFoundError('theme', name)
  }
  const templates: Record<string, string> = {}
  for (const entry of entries) {
    if (TEMPLATE_NAME.test(entry)) templates[entry] = readFileSync(join(folder, entry), 'utf8')
  }
  const assets: Record<string, Uint8Array> = {}
  const assetFolder = join(folder, 'assets')
  for (const entry of safeReaddir(assetFolder)) {
    const path = join(assetFolder, entry)
    if (/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/.test(entry) && statSync(path).isFile())
      assets[`assets/${entry}`] = readFileSync(path)
  }
  return { name, templates, assets }
}

/** Whether `loadTheme` would find a theme of that name: what site settings are checked against. */
export function themeExists(name: string, root = THEMES_ROOT): boolean {
  if (!THEME_NAME.test(name)) return false
  try {
    return statSync(join(root, name)).isDirectory()
  } catch {
    return false
  }
}

/** The templates a template pulls in, by static name: the layout, rendered partials, includes. */
export function templateClosure(theme: Theme, start: string): readonly string[] {
  const seen = new Set<string>()
  const pending = [start]
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue
    seen.add(name)
    const source = theme.templates[name] ?? ''
    for (const match of source.matchAll(/\{%-?\s*(?:layout|render|include)\s+['"]([^'"]+)['"]/g)) {
      if (match[1]) pending.push(match[1])
    }
  }
  return [...seen].sort()
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}
