import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NEW_CUSTOMER_EMAIL } from '../../src/seed-constants'
import { sandboxFile, startSandboxProcess, startTestSandbox } from '../helpers'
import { api, customerToken, expectStatus, guestToken, requestToken } from './api-helpers'
import { addLineItem, createOrder, loadCatalogue, patchOrder, readyOrder } from './checkout'

const directory = mkdtempSync(join(tmpdir(), 'sandbox-restart-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('a restart keeps everything', () => {
  it('keeps orders, the wallet, tokens and refresh tokens across close and reopen', async () => {
    const dbPath = join(directory, 'close-reopen.db')
    const first = await startTestSandbox({ dbPath })
    const token = await customerToken(first.origin, NEW_CUSTOMER_EMAIL)
    const password = await requestToken(first.origin, {
      grant_type: 'password',
      username: NEW_CUSTOMER_EMAIL,
      password: 'demo1234',
    })
    const catalogue = await loadCatalogue(first.origin, token)
    const { orderId } = await readyOrder(first.origin, token, catalogue)
    expectStatus(await patchOrder(first.origin, token, orderId, { attributes: { _place: true } }), 200)
    expectStatus(
      await patchOrder(first.origin, token, orderId, { attributes: { _save_payment_source_to_customer_wallet: true } }),
      200,
    )
    const draft = await createOrder(first.origin, token)
    expectStatus(await addLineItem(first.origin, token, draft.id, 'CANDLE-FIG-200', 3), 201)
    await first.close()

    const second = await startTestSandbox({ dbPath })
    try {
      const placed = expectStatus(
        await api(second.origin, token, 'GET', `orders/${orderId}?include=available_customer_payment_sources`),
        200,
      )
      expect(placed.data.attributes.status).toBe('placed')
      expect(placed.included).toHaveLength(1)
      expect(
        expectStatus(await api(second.origin, token, 'GET', `orders/${draft.id}`), 200).data.attributes.skus_count,
      ).toBe(3)
      const refreshed = await requestToken(second.origin, {
        grant_type: 'refresh_token',
        refresh_token: password.body.refresh_token as string,
      })
      expect(refreshed.status).toBe(200)
      const skus = expectStatus(await api(second.origin, token, 'GET', 'skus'), 200)
      expect(skus.meta?.record_count).toBe(9)
    } finally {
      await second.close()
    }
  })

  it('keeps what was written before a kill -9', async () => {
    const dbPath = join(directory, 'killed.db')
    const first = await startSandboxProcess(dbPath, sandboxFile('src/main.ts'))
    let orderId: string
    try {
      const token = await guestToken(first.origin)
      orderId = (await createOrder(first.origin, token, { customer_email: 'kill@example.com' })).id
      expectStatus(await addLineItem(first.origin, token, orderId, 'VASE-GLASS-AMBER', 2), 201)
    } finally {
      await first.kill()
    }
    expect(
      await fetch(`${first.origin}/sandbox/health`).then(
        () => 'still answering',
        () => 'gone',
      ),
    ).toBe('gone')

    const second = await startSandboxProcess(dbPath, sandboxFile('src/main.ts'))
    try {
      const token = await guestToken(second.origin)
      const order = expectStatus(await api(second.origin, token, 'GET', `orders/${orderId}`), 200)
      expect(order.data.attributes).toMatchObject({ status: 'pending', skus_count: 2, total_amount_cents: 7800 })
    } finally {
      await second.stop()
    }
  }, 30_000)
})
