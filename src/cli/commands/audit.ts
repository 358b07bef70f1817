import type { Command } from 'commander'
import { withApp } from '../open-app.ts'
import { positiveInt, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志 / the audit log')

  withCommonOptions(
    audit
      .command('verify')
      .description(
        '校验审计日志的哈希链，发现篡改时以非零状态退出 / check the hash chain; exits non-zero if tampered with',
      ),
  ).action(async (options: { data: string; json?: boolean }) => {
    await withApp(options.data, async ({ content }) => {
      const result = await content.audit.verify()
      if (options.json) printJson(result)
      else if (result.isIntact)
        print(`审计日志完整 / audit log intact: ${result.checked} 条记录 / records checked`)
      else {
        print(
          `审计日志已被篡改 / audit log TAMPERED: ${result.reason}${result.brokenAt ? `（记录 / record #${result.brokenAt}）` : ''}`,
        )
      }
      if (!result.isIntact) process.exitCode = 3
    })
  })

  withCommonOptions(
    audit
      .command('list')
      .description('最近的审计记录，新的在前 / recent audit records, newest first')
      .option('--limit <n>', '条数 / how many', positiveInt, 50)
      .option('--action <action>', '只看某种操作，如 article.update / only this action'),
  ).action(async (options: { data: string; json?: boolean; limit: number; action?: string }) => {
    await withApp(options.data, async ({ content }) => {
      const records = await content.audit.list({ limit: options.limit, action: options.action })
      if (options.json) return printJson(records)
      print(
        formatTable(
          ['ID', '时间 at', '操作者 actor', '操作 action', '对象 target', '结果 outcome'],
          records.map((r) => [
            r.id,
            r.at,
            r.actor,
            r.action,
            `${r.targetType}:${r.targetId}`,
            r.outcome + (r.errorCode ? ` ${r.errorCode}` : ''),
          ]),
        ),
      )
    })
  })
}
