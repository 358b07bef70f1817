import { userInfo } from 'node:os'
import { join } from 'node:path'
import { type Accounts, createAccounts } from '../accounts/index.ts'
import { type Config, resolveConfig } from '../config/index.ts'
import { type Actor, type Content, createContent, operatorAccess, type Principal } from '../content/index.ts'
import { Publisher, type PublisherOptions, themeExists } from '../publish/index.ts'
import { openStore, type Store } from '../store/index.ts'

export interface App {
  readonly config: Readonly<Config>
  readonly store: Store
  readonly content: Content
  readonly accounts: Accounts
  readonly publisher: Publisher
  /** The operator at the terminal, as the audit log names them. */
  readonly actor: Actor
  /** The operator with every right: whoever runs the CLI on the machine holds the data folder. */
  readonly operator: Principal
}

/** Opens the data folder's store (migrating it), runs `work`, and always closes the store and the content's workers. */
export async function withApp<T>(dataDir: string, work: (app: App) => Promise<T>): Promise<T> {
  const config = resolveConfig(dataDir)
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath })
  const content = createContent(store, {
    iframeHosts: config.content.iframeHosts,
    recycleBinDays: config.content.recycleBinDays,
    // The themes the publisher reads (publisherOptions sets no other root).
    themeExists: (name) => themeExists(name),
  })
  try {
    const publisher = new Publisher(store, content, publisherOptions(config))
    const accounts = createAccounts(store, config.accounts)
    const actor = cliActor()
    return await work({
      config,
      store,
      content,
      accounts,
      publisher,
      actor,
      operator: { actor, access: operatorAccess },
    })
  } finally {
    await content.close()
    await store.close()
  }
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
