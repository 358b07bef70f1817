import { Command } from 'commander'

type Register = (program: Command) => void

/**
 * Each top-level command and the modules that declare it, in the order `fabu --help` lists
 * them. A command loads its own module and libraries only: loading every command's (the web
 * server, the importers, pg-boss, linkedom…) made `fabu column list` load 2,000 modules.
 */
const COMMANDS: readonly (readonly [names: readonly string[], load: () => Promise<readonly Register[]>])[] = [
  [['init'], async () => [(await import('./commands/init.ts')).registerInit]],
  [['demo'], async () => [(await import('./commands/demo.ts')).registerDemo]],
  [['site'], async () => [(await import('./commands/site.ts')).registerSite]],
  [['column'], async () => [(await import('./commands/column.ts')).registerColumn]],
  [['article'], async () => [(await import('./commands/article.ts')).registerArticle]],
  [['publish'], async () => [(await import('./commands/publish.ts')).registerPublish]],
  [['target'], async () => [(await import('./commands/target.ts')).registerTarget]],
  [['import'], async () => [(await import('./commands/import.ts')).registerImport]],
  [['template'], async () => [(await import('./commands/template.ts')).registerTemplate]],
  [['search'], async () => [(await import('./commands/search.ts')).registerSearch]],
  [['serve', 'start'], async () => [(await import('./commands/serve.ts')).registerServe]],
  [['worker'], async () => [(await import('./commands/worker.ts')).registerWorker]],
  [['audit'], async () => [(await import('./commands/audit.ts')).registerAudit]],
  [['user'], async () => [(await import('./commands/user.ts')).registerUser]],
  [['words'], async () => [(await import('./commands/words.ts')).registerWords]],
  [
    ['check'],
    async () => [
      (await import('./commands/check.ts')).registerCheck,
      (await import('./commands/check-links.ts')).registerCheckLinks,
    ],
  ],
  [['case'], async () => [(await import('./commands/case.ts')).registerCase]],
  [['backup', 'restore'], async () => [(await import('./commands/backup.ts')).registerBackup]],
]

/** Every top-level command name, as `fabu --help` lists them. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.flatMap(([names]) => names)

/**
 * The `fabu` command, ready to parse `argv`: with only the command it names when it names one
 * (the rest are not loaded), else with all of them (help, `--version`, a mistyped name).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('fabu')
    .description(
      'fabu（发布）：政府与事业单位网站内容发布系统 / web content publishing for institutional and government websites',
    )
    .version('0.1.0')
    .showHelpAfterError('（运行 fabu --help 查看用法 / run fabu --help for usage）')
    .exitOverride()

  const named = argv[2]
  // `fabu --version` needs no command at all.
  const isVersionOnly = argv.length === 3 && (named === '--version' || named === '-V')
  const chosen = COMMANDS.filter(([names]) => named !== undefined && names.includes(named))
  const loading = isVersionOnly ? [] : chosen.length > 0 ? chosen : COMMANDS
  for (const [, load] of loading) for (const register of await load()) register(program)

  program.addHelpText(
    'after',
    `
每个命令都接受 --data <dir>（默认 ./data）；设置 DATABASE_URL 则使用 PostgreSQL。
Every command takes --data <dir> (default ./data); DATABASE_URL selects PostgreSQL.

例 / examples:
  fabu init                          创建数据目录 / create the data folder
  fabu demo                          创建示例站点 / create the demo site
  fabu column list --site simt       栏目树 / the column tree
  fabu article list --column jcdj/jswm
  fabu article show 1 --json
  fabu template list --site simt     站点修改过的模板 / a site's edited templates
  fabu audit verify`,
  )
  return program
}
