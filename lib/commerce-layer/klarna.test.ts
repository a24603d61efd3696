import { describe, expect, it } from 'vitest'
import { toCheckout, type Checkout } from './checkout'
import { klarnaAuthorizeData } from './klarna'
import { EXPRESS_SHIPPING_LINE, ITALIAN_ADDRESS } from './order-fixtures'

function checkout(lineItems: unknown[], overrides: Record<string, unknown> = {}): Checkout {
  return toCheckout(
    {
      id: 'ordA',
      status: 'pending',
      currency_code: 'EUR',
      language_code: 'it',
      customer_email: 'giulia@example.com',
      line_items: lineItems,
      billing_address: ITALIAN_ADDRESS,
      shipping_address: { ...ITALIAN_ADDRESS, phone: null },
      ...overrides,
    },
    null,
  ) as Checkout
}

const mugs = {
  id: 'li1',
  item_type: 'skus',
  sku_code: 'MUG-STONE-350',
  name: 'Stoneware Mug',
  quantity: 2,
  unit_amount_cents: 1800,
  total_amount_cents: 3600,
  tax_amount_cents: 649,
  tax_rate: 0.22,
}
const express = EXPRESS_SHIPPING_LINE
const freePaymentMethod = {
  id: 'li3',
  item_type: 'payment_methods',
  name: 'Klarna',
  quantity: 1,
  total_amount_cents: 0,
}
const surcharge = {
  ...freePaymentMethod,
  unit_amount_cents: 150,
  total_amount_cents: 150,
  tax_amount_cents: 27,
  tax_rate: 0.22,
}

describe('klarnaAuthorizeData', () => {
  it("describes the order in Klarna's terms, with amounts that add up as Klarna checks them", () => {
    const data = klarnaAuthorizeData(checkout([mugs, express, freePaymentMethod]))
    expect(data).toEqual({
      purchase_country: 'IT',
      purchase_currency: 'EUR',
      locale: 'it-IT',
      order_amount: 4590,
      order_tax_amount: 828,
      order_lines: [
        {
          type: 'physical',
          reference: 'MUG-STONE-350',
          name: 'Stoneware Mug',
          quantity: 2,
          unit_price: 1800,
          tax_rate: 2200,
          total_amount: 3600,
          total_tax_amount: 649,
        },
        {
          type: 'shipping_fee',
          name: 'Express',
          quantity: 1,
          unit_price: 990,
          tax_rate: 2200,
          total_amount: 990,
          total_tax_amount: 179,
        },
      ],
      billing_address: {
        given_name: 'Giulia',
        family_name: 'Bianchi',
        email: 'giulia@example.com',
        street_address: 'Via Torino 5',
        postal_code: '20123',
        city: 'Milano',
        phone: '+39 02 1234567',
        country: 'IT',
      },
      shipping_address: {
        given_name: 'Giulia',
        family_name: 'Bianchi',
        email: 'giulia@example.com',
        street_address: 'Via Torino 5',
        postal_code: '20123',
        city: 'Milano',
        country: 'IT',
      },
    })
    // Klarna's rules: each line's total is quantity × unit price; the order's amounts are the lines' sums.
    for (const line of data.order_lines) expect(line.total_amount).toBe(line.quantity * line.unit_price)
  })

  it('sends a priced payment method as a surcharge line, and counts it in the order amount', () => {
    const data = klarnaAuthorizeData(checkout([mugs, surcharge]))
    expect(data.order_lines.map((line) => line.type)).toEqual(['physical', 'surcharge'])
    expect(data.order_amount).toBe(3750)
    expect(data.order_tax_amount).toBe(676)
  })

  it('takes the purchase country from the billing address, else the shipping address', () => {
    const data = klarnaAuthorizeData(
      checkout([mugs], { billing_address: null, shipping_address: { ...ITALIAN_ADDRESS, country_code: 'FR' } }),
    )
    expect(data.purchase_country).toBe('FR')
    expect(data.locale).toBe('it-FR')
    expect(data.billing_address).toBeUndefined()
  })
})
