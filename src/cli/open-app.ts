import { userInfo } from 'node:os'
import { join } from 'node:path'
import { type Accounts, createAccounts } from '../accounts/index.ts'
import {
  createInspection,
  createLinkReports,
  createWordingGate,
  createWordLists,
  type Inspection,
  type LinkReports,
  overdueCasesFrom,
  type WordLists,
} from '../checks/index.ts'
import { type Config, loadAuditKeys, loadInteractionKeys, resolveConfig } from '../config/index.ts'
import {
  type Actor,
  attachAuditChain,
  type Content,
  checkpointAudit,
  closeAuditChain,
  createContent,
  operatorAccess,
  type Principal,
} from '../content/index.ts'
import { createInteraction, createSmtpNotifier, type Interaction } from '../interaction/index.ts'
import { Publisher, type PublisherOptions, themeExists } from '../publish/index.ts'
import { articleTextIndex } from '../search/index.ts'
import { openStore, type Store } from '../store/index.ts'
import { createTargets, type DeliveryOutcome, type Targets } from '../targets/index.ts'
import { rememberDefaultSite } from './commands/resolve-refs.ts'

export interface App {
  readonly config: Readonly<Config>
  readonly store: Store
  readonly content: Content
  readonly accounts: Accounts
  readonly publisher: Publisher
  /** The sites' wording lists (错敏词), which the content services check before publishing. */
  readonly wordLists: WordLists
  /** The inspection self-check (检查指标自查). */
  readonly inspection: Inspection
  /** Who links where: broken links of publish runs, who links to an article, external links. */
  readonly links: LinkReports
  /** 政民互动: mailboxes and cases, personal data sealed with the key outside the database. */
  readonly interaction: Interaction
  /** The operator at the terminal, as the audit log names them. */
  readonly actor: Actor
  /** The operator with every right: whoever runs the CLI on the machine holds the data folder. */
  readonly operator: Principal
  /** Where each run goes besides the output folder: rsync, S3, CDN purges. */
  readonly targets: Targets
  /** What the targets did after each run this process published, by run id, for the command to print. */
  readonly deliveries: ReadonlyMap<number, readonly DeliveryOutcome[]>
}

/** Opens the data folder's store (migrating it), runs `work`, and always closes the store and the content's workers. */
export async function withApp<T>(dataDir: string, work: (app: App) => Promise<T>): Promise<T> {
  const config = resolveConfig(dataDir)
  // The key comes first: a data folder without one gets it before anything is audited.
  const keys = loadAuditKeys(config.dataDir)
  const interactionKeys = loadInteractionKeys(config.dataDir)
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath })
  let content: Content | undefined
  try {
    attachAuditChain(store, {
      keys,
      checkpointPath: auditCheckpointPath(config),
      onError: (error) =>
        process.stderr.write(
          `fabu: 审计检查点写入失败 / audit checkpoint not written: ${(error as Error).message}\n`,
        ),
    })
    // A checkpoint at once: an upgraded log's unkeyed part is fixed outside the database
    // before anything else can touch it.
    await checkpointAudit(store)
    const wordingGate = createWordingGate()
    content = createContent(store, {
      wordingGate,
      iframeHosts: config.content.iframeHosts,
      recycleBinDays: config.content.recycleBinDays,
      // The themes the publisher reads (publisherOptions sets no other root).
      themeExists: (name) => themeExists(name),
      articleText: articleTextIndex(store),
    })
    rememberDefaultSite(content, config.cli.defaultSite)
    const targets = createTargets(store, content, { outputRootFor: publisherOptions(config).outputRootFor })
    const deliveries = new Map<number, readonly DeliveryOutcome[]>()
    // Every run this process records goes out to the site's targets before the command ends.
    const publisher = new Publisher(store, content, {
      ...publisherOptions(config),
      onRunRecorded: async (run) => {
        deliveries.set(run.runId, await targets.deliver(run.siteId))
      },
    })
    const accounts = createAccounts(store, config.accounts)
    const actor = cliActor()
    const interaction = createInteraction(store, {
      keys: interactionKeys,
      wordingGate,
      notifier: config.smtp ? createSmtpNotifier(config.smtp) : null,
      onNoticeError: (error) =>
        process.stderr.write(`fabu: 邮件通知未发出 / e-mail notice not sent: ${(error as Error).message}\n`),
    })
    return await work({
      config,
      store,
      content,
      accounts,
      publisher,
      wordLists: createWordLists(store, content, wordingGate),
      inspection: createInspection(store, content, wordingGate, {
        ...publisherOptions(config),
        chromiumPath: config.checks.chromiumPath,
        overdueCases: overdueCasesFrom(interaction),
      }),
      links: createLinkReports(store, content),
      interaction,
      actor,
      operator: { actor, access: operatorAccess },
      targets,
      deliveries,
    })
  } finally {
    try {
      await content?.close()
      await closeAuditChain(store)
    } finally {
      await store.close()
    }
  }
}

/** Signed heads of the audit chain, appended only, beside the database but not in it. */
export function auditCheckpointPath(config: Readonly<Config>): string {
  return join(config.dataDir, 'audit-checkpoints.log')
}

function cliActor(): Actor {
  let name = 'cli'
  try {
    name = userInfo().username
  } catch {
    // Containers without a passwd entry for the uid: keep the generic name.
  }
  return Object.freeze({ id: `cli:${name}`, name, address: '' })
}

/** Where a data folder's sites and manifests go. */
export function publisherOptions(config: Readonly<Config>): PublisherOptions {
  return {
    outputRootFor: (slug, prefix) => join(config.dataDir, 'sites', slug, prefix),
    manifestDir: join(config.dataDir, 'manifests'),
  }
}
