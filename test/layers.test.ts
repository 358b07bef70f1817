import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseSync } from 'oxc-parser'
import { describe, expect, it } from 'vitest'

/**
 * The layering of docs/development.md, enforced. The rules are read from the table under
 * "Layer rules" there, so the document and the test cannot drift apart: a folder with no row,
 * an import the row does not allow, or an import that reaches past a folder's index.ts fails
 * here with the file and the line that did it. Tests inside src/ are not shipped code and may
 * reach into test/support.
 */

const repo = resolve(import.meta.dirname, '..')
const src = join(repo, 'src')

/** Each folder of src/ and the folders it may import, from the Markdown table. */
function readLayerRules(markdown: string): Map<string, Set<string>> {
  const section = markdown.split(/^### Layer rules$/m)[1]
  if (section === undefined) throw new Error('docs/development.md has no "### Layer rules" section')
  const rules = new Map<string, Set<string>>()
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim())
    if (cells.length < 4) {
      if (rules.size > 0) break
      continue
    }
    const folder = cells[1]?.replaceAll('`', '')
    if (!folder || folder === 'folder' || /^-+$/.test(folder)) continue
    const allowed = (cells[2] ?? '')
      .split(',')
      .map((name) => name.replaceAll('`', '').trim())
      .filter((name) => name !== '' && name !== '—')
    rules.set(folder, new Set(allowed))
  }
  return rules
}

interface ImportEdge {
  file: string
  line: number
  specifier: string
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8')
  const { module, errors } = parseSync(file, text)
  if (errors.length > 0) throw new Error(`${file}: ${errors[0]?.message}`)
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length
  const edges: ImportEdge[] = []
  for (const entry of module.staticImports) {
    edges.push({ file, line: lineAt(entry.start), specifier: entry.moduleRequest.value })
  }
  for (const entry of module.staticExports) {
    for (const part of entry.entries) {
      if (part.moduleRequest)
        edges.push({ file, line: lineAt(entry.start), specifier: part.moduleRequest.value })
    }
  }
  for (const entry of module.dynamicImports) {
    const literal = text.slice(entry.moduleRequest.start, entry.moduleRequest.end)
    if (/^['"][^'"]+['"]$/.test(literal)) {
      edges.push({ file, line: lineAt(entry.start), specifier: literal.slice(1, -1) })
    }
  }
  return edges
}

function shippedSourceFiles(): string[] {
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => join(src, path))
}

/** Every import of shipped code that breaks a rule, as `file:line imports X (reason)`. */
function layerViolations(rules: Map<string, Set<string>>): string[] {
  const found: string[] = []
  for (const file of shippedSourceFiles()) {
    const from = relative(src, file).split('/')[0] ?? ''
    const allowed = rules.get(from)
    for (const edge of importsOf(file)) {
      if (!edge.specifier.startsWith('.')) continue
      const target = resolve(dirname(file), edge.specifier)
      const where = `${relative(repo, file)}:${edge.line} imports ${edge.specifier}`
      if (!target.startsWith(`${src}/`)) continue // package.json and the like
      const [to, ...rest] = relative(src, target).split('/')
      if (to === from || to === undefined) continue
      if (!allowed) {
        found.push(`${where} (src/${from} has no row in docs/development.md "Layer rules")`)
      } else if (!allowed.has(to)) {
        found.push(`${where} (src/${from} may not import src/${to})`)
      } else if (rest.join('/') !== 'index.ts') {
        found.push(`${where} (other folders are imported through src/${to}/index.ts)`)
      }
    }
  }
  return found
}

/** Query-builder calls and `sql` templates: what only services (below server and cli) may hold. */
const SQL_CALLS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom'])

function sqlIn(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    if (node === null || typeof node !== 'object') return
    const value = node as {
      type?: string
      start?: number
      property?: { name?: string }
      tag?: { name?: string }
    }
    const isCall = value.type === 'MemberExpression' && SQL_CALLS.has(value.property?.name ?? '')
    const isTemplate = value.type === 'TaggedTemplateExpression' && value.tag?.name === 'sql'
    if (isCall || isTemplate) {
      found.push(`${relative(repo, file)}:${text.slice(0, value.start).split('\n').length}`)
    }
    for (const child of Object.values(value)) visit(child)
  }
  visit(parseSync(file, text).program)
  return found
}

describe('the layers of docs/development.md', () => {
  const rules = readLayerRules(readFileSync(join(repo, 'docs/development.md'), 'utf8'))

  it('has a row for every folder of src/', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    expect(folders.filter((folder) => !rules.has(folder))).toEqual([])
  })

  it('lets no import of shipped code run against the table or past an index.ts', () => {
    expect(layerViolations(rules)).toEqual([])
  })

  it('keeps SQL in the services: none in src/server or src/cli', () => {
    const shells = shippedSourceFiles().filter((file) => /\/src\/(server|cli)\//.test(file))
    expect(shells.length).toBeGreaterThan(20)
    expect(shells.flatMap(sqlIn)).toEqual([])
  })

  it('finds SQL where there is some', () => {
    expect(sqlIn(join(src, 'publish/write/publish-runs.ts')).length).toBeGreaterThan(0)
  })

  it('allows no cycle between folders', () => {
    const cycles: string[] = []
    const visit = (folder: string, path: string[]) => {
      for (const next of rules.get(folder) ?? []) {
        if (path.includes(next)) cycles.push([...path, next].join(' → '))
        else visit(next, [...path, next])
      }
    }
    for (const folder of rules.keys()) visit(folder, [folder])
    expect(cycles).toEqual([])
  })

  it('catches an import that runs back up, as the check would see it', () => {
    const strict = new Map([...rules].map(([folder, allowed]) => [folder, new Set(allowed)]))
    strict.get('content')?.delete('store')
    expect(layerViolations(strict).some((line) => line.includes('may not import src/store'))).toBe(true)
  })
})
