import type { Command } from 'commander'
import { createBackup, restoreBackup } from '../../backup/index.ts'
import { resolveConfig } from '../../config/index.ts'
import { withCommonOptions } from '../options.ts'
import { print, printJson } from '../print-table.ts'

/** `fabu backup` and `fabu restore`: one archive holding everything a data folder needs but its published pages. */
export function registerBackup(program: Command): void {
  withCommonOptions(
    program
      .command('backup')
      .description(
        '备份数据库、上传文件、密钥和配置到一个 .tar.gz 文件（服务可继续运行）/ back up the database, uploads, keys and config into one .tar.gz (the server may keep running)',
      )
      .argument('<archive>', '要写入的备份文件，须不存在 / the archive to write; must not exist')
      .option('--no-keys', '不含密钥（密钥另行保管时）/ leave the key files out, when they are kept apart'),
  ).action(async (archive: string, options: { data: string; json?: boolean; keys: boolean }) => {
    // The configuration alone: a backup neither migrates the database nor makes keys.
    const report = await createBackup(resolveConfig(options.data), archive, { hasKeys: options.keys })
    if (options.json) return printJson(report)
    print(`已备份 / backed up: ${report.archive}`)
    print(
      `  ${report.engine}, 结构版本 / schema ${report.schemaVersion}, ${report.files} 个文件 files, ${report.bytes} 字节 bytes`,
    )
    print(
      options.keys
        ? '  备份含密钥和个人信息，请加密保存 / the archive holds the keys and personal data: keep it secret'
        : '  备份含个人信息（已加密），请加密保存 / the archive holds personal data (sealed): keep it secret',
    )
    for (const name of report.keysNotIncluded) {
      print(`  ${name} 未备份，请另行保存 / is not in the archive: keep it yourself`)
    }
  })

  withCommonOptions(
    program
      .command('restore')
      .description(
        '把备份恢复到一个新的空数据目录（PostgreSQL：和一个空数据库）/ restore a backup into a new, empty data folder (PostgreSQL: and an empty database)',
      )
      .argument('<archive>', 'fabu backup 写的备份文件 / an archive written by fabu backup')
      .option(
        '--database-url <url>',
        '恢复到的空 PostgreSQL 数据库（默认 DATABASE_URL）/ the empty PostgreSQL database to restore into (default: DATABASE_URL)',
      ),
  ).action(async (archive: string, options: { data: string; json?: boolean; databaseUrl?: string }) => {
    const report = await restoreBackup({
      archive,
      dataDir: options.data,
      databaseUrl: options.databaseUrl || process.env.DATABASE_URL || undefined,
    })
    if (options.json) return printJson(report)
    print(`已恢复到 / restored into: ${report.dataDir}`)
    print(
      `  ${report.engine}, 结构版本 / schema ${report.schemaVersion}, fabu ${report.fabuVersion}, 备份于 / made ${report.createdAt}`,
    )
    if (!report.hasKeys) {
      print(
        '  备份不含密钥：运行 fabu 之前先放回 keys/audit.key 和 keys/interaction.key（或设置 FABU_AUDIT_KEY、FABU_INTERACTION_KEY），否则将生成新密钥，来信个人信息无法解密 / the archive holds no keys: put keys/audit.key and keys/interaction.key back (or set FABU_AUDIT_KEY, FABU_INTERACTION_KEY) before running fabu, or new keys are made and letters cannot be read',
      )
    }
    print('下一步 / next: fabu publish --full   (重建发布的页面 / rebuild the published pages)')
  })
}
