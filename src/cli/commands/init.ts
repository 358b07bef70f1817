import type { Command } from 'commander'
import { ensureDataFolder } from '../ensure-data-folder.ts'
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
    const { configPath, isNew } = ensureDataFolder(options.data)
    const database = await withApp(
      options.data,
      async (app) => app.config.databaseUrl ?? app.config.sqlitePath,
    )
    print(
      isNew
        ? `已创建配置文件 / created: ${configPath}`
        : `配置文件已存在，未改动 / config kept: ${configPath}`,
    )
    print(`数据库已就绪 / database ready: ${database.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`)
    print('下一步 / next: fabu demo   (创建示例站点 / create the demo site)')
  })
}
