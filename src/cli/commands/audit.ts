import type { Command } from 'commander'
import { resolveConfig, rotateAuditKey } from '../../config/index.ts'
import { type AuditVerification, recordAudit } from '../../content/index.ts'
import { withApp } from '../open-app.ts'
import { positiveInt, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志 / the audit log')

  withCommonOptions(
    audit
      .command('verify')
      .description(
        '用审计密钥校验链条并与库外检查点比对，发现篡改时以非零状态退出 / check the keyed chain and the checkpoints outside the database; exits non-zero if tampered with',
      ),
  ).action(async (options: { data: string; json?: boolean }) => {
    await withApp(options.data, async ({ content }) => {
      const result = await content.audit.verify()
      if (options.json) printJson(result)
      else print(describeVerification(result))
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
    await withApp(options.data, async ({ content, store, actor }) => {
      const records = await content.audit.list({ limit: options.limit, action: options.action })
      // Reading the log is itself audited, at the terminal as in the admin UI.
      await recordAudit(store, {
        actor,
        action: 'audit.list',
        targetType: 'audit',
        targetId: '',
        outcome: 'success',
        detail: { filters: { limit: options.limit, action: options.action ?? null }, count: records.length },
      })
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

  withCommonOptions(
    audit
      .command('rotate-key')
      .description(
        '新增审计密钥供此后的记录使用，旧密钥保留用于校验 / add a new audit key for records from now on; old keys stay to verify older ones',
      ),
    { json: false },
  ).action(async (options: { data: string }) => {
    const config = resolveConfig(options.data)
    const rotated = rotateAuditKey(config.dataDir)
    if (rotated.written === null) {
      print('FABU_AUDIT_KEY 已设置，未写入文件；请把下面一项追加到该变量末尾（逗号分隔）并重启服务：')
      print(
        'FABU_AUDIT_KEY is set, so nothing was written; append this entry to it (comma-separated) and restart:',
      )
      print(rotated.line)
      return
    }
    await withApp(options.data, ({ store, actor }) =>
      recordAudit(store, {
        actor,
        action: 'audit.rotateKey',
        targetType: 'audit-key',
        targetId: rotated.key.id,
        outcome: 'success',
      }),
    )
    print(`已新增审计密钥 / new audit key ${rotated.key.id} in ${rotated.written}`)
    print('运行中的服务重启后才使用新密钥 / a running server uses it once restarted')
  })
}

function describeVerification(result: AuditVerification): string {
  if (!result.isIntact) {
    return `审计日志已被篡改 / audit log NOT intact: ${result.reason}${result.brokenAt ? `（记录 / record #${result.brokenAt}）` : ''}`
  }
  const legacy =
    result.legacy > 0
      ? `，其中 ${result.legacy} 条为升级前的无密钥记录 / ${result.legacy} of them unkeyed, from before audit keys`
      : ''
  return (
    `审计日志完整 / audit log intact: ${result.checked} 条记录 / records checked${legacy}; ` +
    `与 ${result.checkpoints} 个库外检查点一致 / ${result.checkpoints} checkpoints outside the database match`
  )
}
