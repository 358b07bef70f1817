import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { engines, type TestStore } from '../../test/support/engines.ts'
import type { Store } from '../store/index.ts'
import { takeAddressWindow } from './address-window.ts'

const WINDOW = 600_000

for (const engine of engines()) {
  describe(`${engine.name}: a public form's per-address limit across servers`, () => {
    let opened: TestStore
    let other: Store
    beforeEach(async () => {
      opened = await engine.open()
      other = await opened.openAnother()
    })
    afterEach(async () => {
      await other.close()
      await opened.dispose()
    })

    it('refuses the sixth submission of an address however the five were spread over two servers', async () => {
      const now = Date.parse('2026-12-06T08:00:00Z')
      const key = 'submit:1:203.0.113.7'
      const waits = []
      for (const store of [opened.store, other, opened.store, other, opened.store])
        waits.push(await takeAddressWindow(store, key, 5, WINDOW, now))
      expect(waits).toEqual([0, 0, 0, 0, 0])
      expect(await takeAddressWindow(other, key, 5, WINDOW, now + 60_000)).toBe(540)
      // Another address, or the same one on another site, has a count of its own.
      expect(await takeAddressWindow(other, 'submit:1:203.0.113.8', 5, WINDOW, now)).toBe(0)
      expect(await takeAddressWindow(other, 'submit:2:203.0.113.7', 5, WINDOW, now)).toBe(0)
      // The window ends: the address may submit again, on either server.
      expect(await takeAddressWindow(opened.store, key, 5, WINDOW, now + WINDOW)).toBe(0)
    })

    it('counts every one of many attempts made at once from two servers', async () => {
      const now = Date.parse('2026-12-06T08:00:00Z')
      const attempts = Array.from({ length: 40 }, (_, i) =>
        takeAddressWindow(i % 2 ? other : opened.store, 'lookup:1:198.51.100.1', 30, WINDOW, now),
      )
      const waits = await Promise.all(attempts)
      expect(waits.filter((wait) => wait === 0)).toHaveLength(30)
    })
  })
}
