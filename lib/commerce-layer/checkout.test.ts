import { describe, expect, it } from 'vitest'
import { missingForPayment, toCheckout } from './checkout'
import { EXPRESS_SHIPPING_LINE, ITALIAN_ADDRESS } from './order-fixtures'
import { DEFAULT_CHOSEN_AT } from './wallet-default'

/** An open order as Commerce Layer's SDK hands it over (attributes and included relationships flattened). */
function order(overrides: Record<string, unknown> = {}) {
  return {
    id: 'ordA',
    number: 10042,
    status: 'pending',
    currency_code: 'EUR',
    language_code: 'it',
    customer_email: 'giulia@example.com',
    subtotal_amount_cents: 5500,
    shipping_amount_cents: 0,
    total_tax_amount_cents: 992,
    total_amount_with_taxes_cents: 5500,
    customer: { id: 'custA' },
    line_items: [
      {
        id: 'li1',
        item_type: 'skus',
        sku_code: 'BOARD-WALNUT-40',
        name: 'Walnut Cutting Board',
        image_url: 'https://cdn.example-shop.com/board.jpg',
        quantity: 1,
        unit_amount_cents: 5500,
        total_amount_cents: 5500,
        tax_amount_cents: 992,
        tax_rate: 0.22,
      },
    ],
    billing_address: ITALIAN_ADDRESS,
    shipping_address: { ...ITALIAN_ADDRESS, phone: null },
    shipments: [
      {
        id: 'shipA',
        shipping_method: { id: 'std', name: 'Standard', price_amount_for_shipment_cents: 0 },
        available_shipping_methods: [
          // A free-over threshold: the method's list price is 490, this shipment's is 0.
          { id: 'std', name: 'Standard', price_amount_cents: 490, price_amount_for_shipment_cents: 0 },
          { id: 'exp', name: 'Express', price_amount_cents: 990, price_amount_for_shipment_cents: 990 },
        ],
      },
    ],
    available_payment_methods: [{ id: 'pmK', payment_source_type: 'klarna_payments' }],
    payment_method: { id: 'pmK' },
    available_customer_payment_sources: [],
    payment_source: null,
    ...overrides,
  }
}

describe('toCheckout', () => {
  it("prices each delivery option at what Commerce Layer charges for this order's shipment", () => {
    const checkout = toCheckout(order(), null)!
    expect(checkout.shippingOptions).toEqual([
      { id: 'std', name: 'Standard', priceCents: 0 },
      { id: 'exp', name: 'Express', priceCents: 990 },
    ])
  })

  it("offers the configured shipping countries, else Klarna's for the order's currency, never the market's metadata", () => {
    const withMetadata = order({ market: { metadata: { shipping_country_codes: ['SE', 'DK'] } } })
    expect(toCheckout(withMetadata, null)!.countries).toEqual([
      'AT',
      'BE',
      'DE',
      'ES',
      'FI',
      'FR',
      'IE',
      'IT',
      'NL',
      'PT',
    ])
    expect(toCheckout(withMetadata, ['IT', 'FR'])!.countries).toEqual(['IT', 'FR'])
    expect(toCheckout(order({ currency_code: 'SEK' }), null)!.countries).toEqual(['SE'])
  })

  it('shows one saved source per Klarna customer token, the newest', () => {
    const checkout = toCheckout(
      order({
        available_customer_payment_sources: [
          {
            id: 'old',
            name: 'Klarna · Pay later · g•••@example.com',
            payment_source_token: 'tok-1',
            created_at: '2026-11-01T10:00:00Z',
          },
          {
            id: 'new',
            name: 'Klarna · Pay later · g•••@example.com',
            payment_source_token: 'tok-1',
            created_at: '2026-11-20T10:00:00Z',
          },
          {
            id: 'other',
            name: 'Klarna · Pay now · g•••@example.com',
            payment_source_token: 'tok-2',
            created_at: '2026-11-10T10:00:00Z',
          },
        ],
      }),
      null,
    )!
    expect(checkout.savedSources).toEqual([
      { id: 'new', name: 'Klarna · Pay later · g•••@example.com' },
      { id: 'other', name: 'Klarna · Pay now · g•••@example.com' },
    ])
  })

  it('offers first the Klarna account chosen as default, even when it was chosen on a duplicate folded away', () => {
    const checkout = toCheckout(
      order({
        available_customer_payment_sources: [
          {
            id: 'newest',
            name: 'Klarna · Pay now · g•••@example.com',
            payment_source_token: 'tok-2',
            created_at: '2026-11-20T10:00:00Z',
          },
          {
            id: 'shown',
            name: 'Klarna · Pay later · g•••@example.com',
            payment_source_token: 'tok-1',
            created_at: '2026-11-10T10:00:00Z',
          },
          {
            id: 'chosen-duplicate',
            name: 'Klarna · Pay later · g•••@example.com',
            payment_source_token: 'tok-1',
            created_at: '2026-11-01T10:00:00Z',
            metadata: { [DEFAULT_CHOSEN_AT]: '2026-11-25T10:00:00Z' },
          },
        ],
      }),
      null,
    )!
    expect(checkout.savedSources.map((source) => source.id)).toEqual(['shown', 'newest'])
  })

  it("lists the customer's saved addresses newest first, when the address book came with the order", () => {
    const withBook = order({
      customer: {
        id: 'cust1',
        customer_addresses: [
          { created_at: '2026-10-01T10:00:00Z', address: { id: 'older' } },
          { created_at: '2026-11-01T10:00:00Z', address: { id: 'newest' } },
          { created_at: '2026-11-02T10:00:00Z', address: null },
        ],
      },
    })
    expect(toCheckout(withBook, null)!.savedAddressIds).toEqual(['newest', 'older'])
    expect(toCheckout(order(), null)!.savedAddressIds).toEqual([])
  })

  it('keeps shipping and payment costs among all lines but lists only SKUs as the cart', () => {
    const checkout = toCheckout(
      order({
        line_items: [...order().line_items, EXPRESS_SHIPPING_LINE],
      }),
      null,
    )!
    expect(checkout.lines.map((line) => line.id)).toEqual(['li1'])
    expect(checkout.allLines.map((line) => line.itemType)).toEqual(['skus', 'shipments'])
    expect(checkout.lines[0]).toMatchObject({ imageUrl: 'https://cdn.example-shop.com/board.jpg', taxRate: 0.22 })
  })

  it('reads a Klarna payment source, and is null for an order that is no longer open', () => {
    const checkout = toCheckout(
      order({
        payment_source: {
          id: 'kp1',
          type: 'klarna_payments',
          client_token: 'eyJ.x.y',
          auth_token: null,
          mismatched_amounts: true,
          payment_methods: [{ identifier: 'klarna', name: 'Pay with Klarna' }],
        },
      }),
      null,
    )!
    expect(checkout.klarnaPayment).toEqual({
      id: 'kp1',
      clientToken: 'eyJ.x.y',
      categories: [{ identifier: 'klarna', name: 'Pay with Klarna' }],
      mismatchedAmounts: true,
      hasAuthToken: false,
    })
    expect(checkout.klarnaPaymentMethodId).toBe('pmK')
    expect(toCheckout(order({ status: 'placed' }), null)).toBeNull()
  })
})

describe('missingForPayment', () => {
  it('names what is missing, in the order a shopper fills the page', () => {
    expect(missingForPayment(toCheckout(order(), null)!)).toEqual([])
    const bare = toCheckout(
      order({ customer_email: null, billing_address: null, shipments: [{ id: 's', available_shipping_methods: [] }] }),
      null,
    )!
    expect(missingForPayment(bare)).toEqual(['email', 'billing_address', 'shipping_method'])
  })
})
