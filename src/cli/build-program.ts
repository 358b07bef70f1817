import { Command } from 'commander'
import { registerArticle } from './commands/article.ts'
import { registerAudit } from './commands/audit.ts'
import { registerBackup } from './commands/backup.ts'
import { registerCase } from './commands/case.ts'
import { registerCheck } from './commands/check.ts'
import { registerCheckLinks } from './commands/check-links.ts'
import { registerColumn } from './commands/column.ts'
import { registerDemo } from './commands/demo.ts'
import { registerImport } from './commands/import.ts'
import { registerInit } from './commands/init.ts'
import { registerPublish } from './commands/publish.ts'
import { registerSearch } from './commands/search.ts'
import { registerServe } from './commands/serve.ts'
import { registerSite } from './commands/site.ts'
import { registerTarget } from './commands/target.ts'
import { registerTemplate } from './commands/template.ts'
import { registerUser } from './commands/user.ts'
import { registerWords } from './commands/words.ts'

/** The `fabu` command with all its subcommands, ready to parse. */
export function buildProgram(): Command {
  const program = new Command('fabu')
    .description(
      'fabu（发布）：政府与事业单位网站内容发布系统 / web content publishing for institutional and government websites',
    )
    .version('0.1.0')
    .showHelpAfterError('（运行 fabu --help 查看用法 / run fabu --help for usage）')
    .exitOverride()

  registerInit(program)
  registerDemo(program)
  registerSite(program)
  registerColumn(program)
  registerArticle(program)
  registerPublish(program)
  registerTarget(program)
  registerImport(program)
  registerTemplate(program)
  registerSearch(program)
  registerServe(program)
  registerAudit(program)
  registerUser(program)
  registerWords(program)
  registerCheck(program)
  registerCheckLinks(program)
  registerCase(program)
  registerBackup(program)

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
