import type { Command } from 'commander'
import { type WordEntry, wordKindLabels, wordKinds, wordLevels } from '../../checks/index.ts'
import { ValidationError } from '../../errors/index.ts'
import { withApp } from '../open-app.ts'
import { encodingOption, readInputFile, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

interface WordsOptions {
  data: string
  json?: boolean
  site?: string
  kind?: WordEntry['kind']
  level?: WordEntry['level']
  suggestion?: string
  starter?: boolean
  encoding?: string
}

const SITE = ['--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug'] as const

/**
 * A site's wording lists (错敏词) from the terminal. The exchange format is JSON lines, one
 * entry a line: `{"word":"台湾国","kind":"political","level":"block","suggestion":"台湾地区"}`.
 */
export function registerWords(program: Command): void {
  const words = program
    .command('words')
    .description('错敏词词表 / wording lists (forbidden and protected words)')

  withCommonOptions(
    words
      .command('list')
      .description('列出站点的词表 / the site’s lists')
      .option(...SITE),
  ).action(async (options: WordsOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const entries = await app.wordLists.list(app.operator, site.id)
      if (options.json) return printJson(entries)
      print(
        formatTable(
          ['词 word', '类别 kind', '级别 level', '建议 suggestion'],
          entries.map((entry) => [
            entry.word,
            wordKindLabels[entry.kind],
            entry.level === 'block' ? '禁用 block' : '提示 warn',
            entry.suggestion ?? '',
          ]),
        ),
      )
    })
  })

  withCommonOptions(
    words
      .command('add')
      .description('添加或修改一个词 / add a word, or change it')
      .argument('<word>', '词 / the word')
      .option(...SITE)
      .requiredOption('--kind <kind>', `类别 / kind: ${wordKinds.join(', ')}`)
      .option('--level <level>', `级别 / level: ${wordLevels.join(', ')} (禁用/提示)`, 'block')
      .option('--suggestion <text>', '建议的写法 / what to write instead'),
  ).action(async (word: string, options: WordsOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const entry = await app.wordLists.add(app.operator, site.id, {
        word,
        kind: options.kind as WordEntry['kind'],
        level: options.level as WordEntry['level'],
        suggestion: options.suggestion ?? null,
      })
      if (options.json) return printJson(entry)
      print(`已添加 / added: ${entry.word} (${entry.kind}, ${entry.level})`)
    })
  })

  withCommonOptions(
    words
      .command('remove')
      .description('删除一个词 / remove a word')
      .argument('<word>', '词 / the word')
      .option(...SITE),
  ).action(async (word: string, options: WordsOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      await app.wordLists.remove(app.operator, site.id, word)
      if (options.json) return printJson({ removed: word })
      print(`已删除 / removed: ${word}`)
    })
  })

  withCommonOptions(
    words
      .command('import')
      .description(
        '从 JSON lines 文件导入（同词则替换），或导入 fabu 自带的起步词表 / import a JSON lines file (same word: replaced), or fabu’s starter lists',
      )
      .argument('[file]', 'JSON lines 文件，- 表示标准输入 / JSON lines file, - for stdin')
      .option(...SITE)
      .option('--starter', '导入自带的起步词表 / the starter lists fabu ships')
      .addOption(encodingOption()),
  ).action(async (file: string | undefined, options: WordsOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      if (!file && !options.starter)
        throw new ValidationError('file', '请给出文件或 --starter', 'name a file or --starter')
      const result = file
        ? await app.wordLists.import(app.operator, site.id, readJsonLines(file, options.encoding))
        : await app.wordLists.importStarter(app.operator, site.id)
      if (options.json) return printJson(result)
      print(`新增 added ${result.added}，更新 updated ${result.updated}`)
    })
  })

  withCommonOptions(
    words
      .command('export')
      .description('导出为 JSON lines / print the lists as JSON lines')
      .option(...SITE),
    { json: false },
  ).action(async (options: WordsOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      for (const { word, kind, level, suggestion } of await app.wordLists.list(app.operator, site.id))
        print(JSON.stringify({ word, kind, level, suggestion }))
    })
  })
}

function readJsonLines(file: string, encoding: string | undefined): unknown[] {
  const text = readInputFile(file, 'file', encoding)
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      try {
        return JSON.parse(line) as unknown
      } catch {
        throw new ValidationError(`file:${number}`, '此行不是有效的 JSON', 'this line is not valid JSON')
      }
    })
}
