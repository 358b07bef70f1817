import { describe, expect, it } from 'vitest'
import { foldManifests } from './fold-manifests.ts'

const run = (
  runId: number,
  change: { added?: string[]; changed?: string[]; removed?: string[] },
  mode = 'incremental',
) => ({
  runId,
  mode,
  added: change.added ?? [],
  changed: change.changed ?? [],
  removed: change.removed ?? [],
})

describe('the runs a target has not had, taken together', () => {
  it('sends a page removed by one run and written again by a later one, and deletes one written then removed', () => {
    const changes = foldManifests([
      run(12, { changed: ['index.html'], removed: ['a/1.html'] }),
      run(11, { added: ['a/1.html', 'a/2.html'] }),
      run(13, { added: ['a/1.html'], removed: ['a/2.html'] }),
    ])
    expect(changes).toEqual({ present: ['a/1.html', 'index.html'], absent: ['a/2.html'], hasFullRun: false })
  })

  it('says when a full run is among them, for a CDN to purge directories', () => {
    expect(foldManifests([run(1, { changed: ['index.html'] }, 'full')]).hasFullRun).toBe(true)
    expect(foldManifests([])).toEqual({ present: [], absent: [], hasFullRun: false })
  })
})
