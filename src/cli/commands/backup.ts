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
      .argument('<archive>', '要写入的备份文件，须不存在 / the archive to write; must not exist'),
  ).action(async (archive: string, options: { data: string; json?: boolean }) => {
    // The configuration alone: a backup neither migrates the database nor makes keys.
    const report = await createBackup(resolveConfig(options.data), archive)
    if (options.json) return printJson(report)
    print(`已备份 / backed up: ${report.archive}`)
    print(
      `  ${report.engine}, 结构版本 / schema ${report.schemaVersion}, ${report.files} 个文件 files, ${report.bytes} 字节 bytes`,
    )
    print('  备份含密钥和个人信息，请加密保存 / the archive holds the keys and personal data: keep it secret')
    for (const name of report.keysNotIncluded) {
      print(`  ${name} 在环境变量中，未备份，请另行保存 / is set in the environment and not in the archive`)
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
    print('下一步 / next: fabu publish --full   (重建发布的页面 / rebuild the published pages)')
  })
}
