export { createDemoSite, type DemoSummary } from './create-demo-site.ts'
export { demoArticles, demoColumns, demoSite, seedArticle } from './demo-content.ts'
