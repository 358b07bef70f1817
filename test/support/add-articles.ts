// Adds N short published articles to the demo site's 院内要闻, for tests that need a bigger site.

import { resolveConfig } from '../../src/config/index.ts'
import { createContent, systemActor } from '../../src/content/index.ts'
import { openStore } from '../../src/store/index.ts'

const [dataDir = './data', count = '100'] = process.argv.slice(2)
const config = resolveConfig(dataDir)
const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath })
const content = createContent(store)
const actor = systemActor('test')
const column = await content.columns.byPath('simt', 'xwzx/ynyw')
for (let i = 0; i < Number(count); i++) {
  const created = await content.articles.create(actor, {
    columnId: column.id,
    title: `测试新闻第${i + 1}篇`,
    publishAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    bodyHtml: `<p>这是第${i + 1}篇用于测试的新闻正文。</p>`,
  })
  await content.articles.publish(actor, created.id)
}
await store.close()
