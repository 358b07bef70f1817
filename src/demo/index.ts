export { createDemoSite, type DemoSummary } from './create-demo-site.ts'
export { type DemoAccount, describeDemoAccounts, ensureDemoAccounts } from './demo-accounts.ts'
export { demoArticles, demoColumns, demoSite, seedArticle } from './demo-content.ts'
export { ensureDemoMailboxes } from './demo-mailboxes.ts'
