/** What one publish run changed in the output folder (its `publish_runs.manifest`). */
export interface RunManifest {
  readonly runId: number
  readonly mode: string
  readonly added: readonly string[]
  readonly changed: readonly string[]
  readonly removed: readonly string[]
}

/** What a far side must do to catch up with several runs at once. */
export interface ChangeSet {
  /** Paths to send as the output folder holds them now. */
  readonly present: readonly string[]
  /** Paths to delete on the far side. */
  readonly absent: readonly string[]
  /** A full run is among them: a CDN purges whole directories rather than listing pages. */
  readonly hasFullRun: boolean
}

/**
 * The union of the runs' manifests, oldest run first, each path's last word winning: a page
 * removed by one run and written again by a later one is present, and the other way round.
 */
export function foldManifests(runs: readonly RunManifest[]): ChangeSet {
  const state = new Map<string, boolean>()
  const ordered = [...runs].sort((a, b) => a.runId - b.runId)
  for (const run of ordered) {
    for (const path of run.added) state.set(path, true)
    for (const path of run.changed) state.set(path, true)
    for (const path of run.removed) state.set(path, false)
  }
  const present: string[] = []
  const absent: string[] = []
  for (const [path, isPresent] of state) (isPresent ? present : absent).push(path)
  return {
    present: present.sort(),
    absent: absent.sort(),
    hasFullRun: ordered.some((run) => run.mode === 'full'),
  }
}
