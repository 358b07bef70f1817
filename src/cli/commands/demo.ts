import type { Command } from 'commander'
import { formatZonedMinute } from '../../content/index.ts'
import { createDemoSite, ensureDemoMailboxes, seedArticle } from '../../demo/index.ts'
import { addDemoWordLists } from '../demo-word-lists.ts'
import { ensureDataFolder } from '../ensure-data-folder.ts'
import { withApp } from '../open-app.ts'
import { withCommonOptions } from '../options.ts'
import { print, printJson } from '../print-table.ts'
import { yesterdayInShanghai } from '../yesterday-in-shanghai.ts'

export function registerDemo(program: Command): void {
  withCommonOptions(
    program
      .command('demo')
      .description(
        '创建示例站点：上海市计量测试技术研究院（可重复运行，不会重复创建）/ create the demo site (safe to run again)',
      ),
  ).action(async (options: { data: string; json?: boolean }) => {
    ensureDataFolder(options.data)
    await withApp(options.data, async (app) => {
      const { content, actor, config, interaction, operator } = app
      const summary = await createDemoSite(content, actor, { newestOn: yesterdayInShanghai() })
      await addDemoWordLists(app, summary.site.id)
      const mailboxes = await ensureDemoMailboxes(interaction, operator, summary.site.id)
      const tree = await content.columns.tree(summary.site.id)
      const seed = (await content.articles.list({ site: summary.site.id, text: seedArticle.title, limit: 1 }))
        .items[0]
      if (options.json) {
        printJson({ ...summary, mailboxes, dataDir: config.dataDir, seedArticleId: seed?.id ?? null })
        return
      }
      const zone = summary.site.timeZone
      print(`示例站点 / demo site: ${summary.site.name} (${summary.site.slug})  ${summary.site.baseUrl}`)
      print(
        `数据目录 / data folder: ${config.dataDir}${config.databaseUrl ? '  (PostgreSQL)' : '  (SQLite)'}`,
      )
      print(
        `栏目 / columns: ${summary.columns.total}（本次新建 ${summary.columns.created} / created now）  最深 / deepest: 首页 > ${summary.deepestPath}`,
      )
      print(
        `文章 / articles: ${summary.articles.total}（本次新建 ${summary.articles.created} 篇已发布、${summary.articles.pendingCreated} 篇待审核 / created now: ${summary.articles.created} published, ${summary.articles.pendingCreated} waiting for review）`,
      )
      print('')
      print('栏目树 / column tree:')
      for (const column of tree.all()) {
        const kind = column.kind === 'list' ? '' : column.kind === 'page' ? ' [单页 page]' : ' [外链 link]'
        print(`${'  '.repeat(column.depth + 1)}${column.name}  /${column.path}/${kind}`)
      }
      if (seed?.publishAt) {
        print('')
        print(`种子文章 / seed article #${seed.id}: 首页 > 基层党建 > 精神文明`)
        print(`  ${seed.title}`)
        print(`  ——${seed.subtitle}`)
        print(`  发布日期:${formatZonedMinute(seed.publishAt, zone)}`)
      }
      print('')
      print(`信箱 / mailboxes: ${mailboxes.map((m) => `${m.name} /_fabu/letters/${m.slug}`).join('，')}`)
      print('')
      print('下一步 / next:  npm run fabu -- article list   |   npm run fabu -- column list --site simt')
    })
  })
}
