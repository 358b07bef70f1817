export { type DecodedPage, decodePage } from './decode-page.ts'
export { type ExtractedArticle, type PageReading, readPage } from './extract-article.ts'
export type { ImportOutcome, ImportReport, ImportRow } from './import-report.ts'
export { reportCsv } from './import-report.ts'
export { type ImportOptions, importSite } from './import-site.ts'
export {
  type OldUrlRedirect,
  oldUrlLookup,
  oldUrlRedirects,
  rewriteImportedLinks,
  writeOldUrlFiles,
} from './old-urls.ts'
export { folderSource, type HttpSourceOptions, httpSource, type PageSource } from './page-source.ts'
export { parsePublishTime } from './parse-publish-time.ts'
