import type { App } from './open-app.ts'

/**
 * The demo site's lists: fabu's starter lists and the institution's own names as protected
 * names, so a slip such as 上海市计量测试技术研究完 is caught. Kept where a word already stands,
 * so running the demo again changes nothing an administrator edited.
 */
export async function addDemoWordLists(app: App, siteId: number): Promise<void> {
  await app.wordLists.importStarter(app.operator, siteId)
  const present = new Set((await app.wordLists.list(app.operator, siteId)).map((entry) => entry.word))
  for (const word of ['上海市计量测试技术研究院', '市计测院']) {
    if (!present.has(word))
      await app.wordLists.add(app.operator, siteId, { word, kind: 'protected', level: 'block' })
  }
}
