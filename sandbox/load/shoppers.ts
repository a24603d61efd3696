import { api, customerToken, expectStatus, guestToken, type ResourceObject } from '../test/commerce-layer/api-helpers'
import {
  addLineItem,
  createOrder,
  fillCheckout,
  loadCatalogue,
  patchOrder,
  payWithKlarna,
} from '../test/commerce-layer/checkout'

/**
 * Virtual shoppers running the full API checkout against the sandbox, and the ledger of everything the sandbox
 * acknowledged to them (a 2xx): what the audit then looks for in the books.
 *
 * - A guest: token → order → line items → address → email, billing address, payment method → shipping address
 *   same as billing → shipping method → Klarna payment → the shopper authorizes (test door) → auth_token → place.
 * - A customer: signs up, signs in (password grant), buys like the guest, places, saves the Klarna source to the
 *   wallet (`include=available_customer_payment_sources`), then buys again with the saved source as the storefront
 *   does and the guide documents it: the association (`_customer_payment_source_id`) on its own, then `_place`.
 */

export type PlacedOrder = {
  orderId: string
  number: string
  totalCents: number
  token: string
  customerId: string | null
  /** A fresh Klarna authorization, or the customer token of a saved source. */
  paidWith: { authorization: string } | { customerToken: string }
}

export type WalletSave = {
  orderId: string
  customerId: string
  token: string
  walletId: string
  paymentSourceToken: string
}

export type Ledger = {
  customers: { id: string; email: string }[]
  created: { orderId: string; token: string }[]
  placed: PlacedOrder[]
  saves: WalletSave[]
}

export type ShopperRun = {
  ledger: Ledger
  /** Journeys that stopped on an answer they did not expect: the load's errors. */
  failures: { journey: string; message: string }[]
  /** Journeys cut off by `stop` (the crash test's kill): not errors. */
  interrupted: number
  journeys: { guest: number; customer: number }
}

export type ShopperOptions = {
  origin: string
  shoppers: number
  /** No journey starts after this moment (ms since the epoch); journeys under way finish. */
  until: number
  /** No journey starts once this many requests have been sent. */
  maxRequests: number
  requestsSent: () => number
  /** Set when the sandbox is about to be killed: whatever fails after it was interrupted, not wrong. */
  stopped?: () => boolean
  /** A label that makes this run's e-mail addresses unique. */
  runId: string
  /** Where to write what is acknowledged, to watch it while the shoppers run (a new one by default). */
  ledger?: Ledger
}

const PASSWORD = 'load test password'

/** A small, seeded random source per shopper (mulberry32): the same run buys the same things. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export async function runShoppers(options: ShopperOptions): Promise<ShopperRun> {
  const { origin } = options
  const catalogue = await loadCatalogue(origin, await guestToken(origin))
  const inStock = [...catalogue.skuIds.keys()].filter((code) => code !== 'PLANTER-TERRA-15')
  const run: ShopperRun = {
    ledger: options.ledger ?? { customers: [], created: [], placed: [], saves: [] },
    failures: [],
    interrupted: 0,
    journeys: { guest: 0, customer: 0 },
  }
  const { ledger } = run

  /** One or two SKUs in stock, one or two of each. */
  const cart = (next: () => number): [string, number][] => {
    const first = Math.floor(next() * inStock.length)
    const codes =
      next() < 0.5
        ? [inStock[first]]
        : [inStock[first], inStock[(first + 1 + Math.floor(next() * (inStock.length - 1))) % inStock.length]]
    return codes.map((code) => [code as string, 1 + Math.floor(next() * 2)])
  }

  /** An order with line items, checkout filled in and Klarna authorized: ready for `_place` or a saved source. */
  const readyOrder = async (token: string, email: string, lines: [string, number][], payWith: 'klarna' | 'saved') => {
    const order = await createOrder(origin, token)
    ledger.created.push({ orderId: order.id, token })
    for (const [code, quantity] of lines) expectStatus(await addLineItem(origin, token, order.id, code, quantity), 201)
    await fillCheckout(origin, token, order.id, catalogue, email)
    const authorization = payWith === 'klarna' ? (await payWithKlarna(origin, token, order.id)).authToken : undefined
    return { orderId: order.id, authorization }
  }

  const placed = (
    body: { data: ResourceObject },
    token: string,
    customerId: string | null,
    paidWith: PlacedOrder['paidWith'],
  ) => {
    const { attributes } = body.data
    if (attributes.status !== 'placed') throw new Error(`_place answered 200 with status ${String(attributes.status)}`)
    ledger.placed.push({
      orderId: body.data.id,
      number: attributes.number as string,
      totalCents: attributes.total_amount_cents as number,
      token,
      customerId,
      paidWith,
    })
  }

  const guestJourney = async (next: () => number) => {
    const token = await guestToken(origin)
    const { orderId, authorization } = await readyOrder(
      token,
      `guest.${options.runId}@example.com`,
      cart(next),
      'klarna',
    )
    placed(expectStatus(await patchOrder(origin, token, orderId, { attributes: { _place: true } }), 200), token, null, {
      authorization: authorization as string,
    })
  }

  const customerJourney = async (next: () => number, email: string) => {
    const guest = await guestToken(origin)
    const signedUp = expectStatus(
      await api(origin, guest, 'POST', 'customers', { type: 'customers', attributes: { email, password: PASSWORD } }),
      201,
    )
    const customerId = signedUp.data.id
    ledger.customers.push({ id: customerId, email })
    const token = await customerToken(origin, email, PASSWORD)

    const first = await readyOrder(token, email, cart(next), 'klarna')
    placed(
      expectStatus(await patchOrder(origin, token, first.orderId, { attributes: { _place: true } }), 200),
      token,
      customerId,
      { authorization: first.authorization as string },
    )
    const saveAnswer = await patchOrder(
      origin,
      token,
      first.orderId,
      { attributes: { _save_payment_source_to_customer_wallet: true } },
      '?include=available_customer_payment_sources',
    )
    const sources = (expectStatus(saveAnswer, 200).included ?? []).filter(
      (resource) => resource.type === 'customer_payment_sources',
    )
    if (sources.length !== 1)
      throw new Error(`the save answered ${sources.length} available_customer_payment_sources, not 1`)
    const source = sources[0] as ResourceObject
    const paymentSourceToken = source.attributes.payment_source_token as string
    ledger.saves.push({ orderId: first.orderId, customerId, token, walletId: source.id, paymentSourceToken })

    const second = await readyOrder(token, email, cart(next), 'saved')
    expectStatus(
      await patchOrder(origin, token, second.orderId, { attributes: { _customer_payment_source_id: source.id } }),
      200,
    )
    const oneClick = await patchOrder(origin, token, second.orderId, { attributes: { _place: true } })
    placed(expectStatus(oneClick, 200), token, customerId, { customerToken: paymentSourceToken })
  }

  const shopper = async (index: number) => {
    const next = random(index + 1)
    const isGuest = index % 2 === 0
    for (
      let journey = 0;
      Date.now() < options.until && options.requestsSent() < options.maxRequests && !options.stopped?.();
      journey++
    ) {
      const email = `load.${options.runId}.${index}.${journey}@example.com`
      try {
        if (isGuest) await guestJourney(next)
        else await customerJourney(next, email)
        run.journeys[isGuest ? 'guest' : 'customer']++
      } catch (error) {
        if (options.stopped?.()) {
          run.interrupted++
          return
        }
        run.failures.push({
          journey: isGuest ? 'guest' : 'customer',
          message: error instanceof Error ? error.message : String(error),
        })
      }
    }
  }

  await Promise.all(Array.from({ length: options.shoppers }, (_, index) => shopper(index)))
  return run
}
