import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { CONFIG_FILE, CONFIG_TEMPLATE } from '../../config/index.ts'
import { withApp } from '../open-app.ts'
import { withCommonOptions } from '../options.ts'
import { print } from '../print-table.ts'

export function registerInit(program: Command): void {
  withCommonOptions(
    program
      .command('init')
      .description('创建数据目录和带注释的配置文件 / create the data folder with a commented config file'),
    { json: false },
  ).action(async (options: { data: string }) => {
    const folder = resolve(options.data)
    const configPath = join(folder, CONFIG_FILE)
    mkdirSync(folder, { recursive: true })
    const hadConfig = existsSync(configPath)
    // An existing config may hold an operator's settings: never overwrite it.
    if (!hadConfig) writeFileSync(configPath, CONFIG_TEMPLATE, { flag: 'wx' })
    const migrated = await withApp(folder, async (app) => app.config.databaseUrl ?? app.config.sqlitePath)
    print(
      hadConfig
        ? `配置文件已存在，未改动 / config kept: ${configPath}`
        : `已创建配置文件 / created: ${configPath}`,
    )
    print(`数据库已就绪 / database ready: ${migrated.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`)
    print('下一步 / next: fabu demo   (创建示例站点 / create the demo site)')
  })
}
