import { describe, expect, it } from 'vitest'
import { loggableBody, loggablePath, MAX_BODY_CHARS, seedDocumentStep, toApiLogEntry } from './entry'

const ORDER_URL = 'https://sandbox.commercelayer.io/api/orders/qaMAhZkZvd'
const saveBody = {
  data: { type: 'orders', id: 'qaMAhZkZvd', attributes: { _save_payment_source_to_customer_wallet: true } },
}
const reuseBody = {
  data: { type: 'orders', id: 'qaMAhZkZvd', attributes: { _customer_payment_source_id: 'QgDXpwsqDx', _place: true } },
}

describe('seedDocumentStep', () => {
  it('recognises step 1, the save to the wallet, with or without its include', () => {
    expect(seedDocumentStep('PATCH', `${ORDER_URL}?include=available_customer_payment_sources`, saveBody)).toBe(1)
    expect(seedDocumentStep('patch', ORDER_URL, saveBody)).toBe(1)
  })

  it('recognises step 2, paying with a saved source, also when it places the order at once', () => {
    expect(seedDocumentStep('PATCH', ORDER_URL, reuseBody)).toBe(2)
  })

  it('marks nothing else', () => {
    expect(seedDocumentStep('GET', `${ORDER_URL}?include=available_customer_payment_sources`, undefined)).toBeNull()
    expect(
      seedDocumentStep('PATCH', ORDER_URL, {
        data: { type: 'orders', id: 'qaMAhZkZvd', attributes: { _place: true } },
      }),
    ).toBeNull()
    expect(
      seedDocumentStep('PATCH', ORDER_URL, {
        data: { attributes: { _save_payment_source_to_customer_wallet: false } },
      }),
    ).toBeNull()
    expect(seedDocumentStep('PATCH', 'https://sandbox.commercelayer.io/api/line_items/abc', saveBody)).toBeNull()
    expect(seedDocumentStep('PATCH', ORDER_URL, 'not json')).toBeNull()
  })
})

describe('loggablePath', () => {
  it('keeps path and query, the query decoded for reading', () => {
    expect(loggablePath(`${ORDER_URL}?include=available_customer_payment_sources`)).toBe(
      '/api/orders/qaMAhZkZvd?include=available_customer_payment_sources',
    )
    expect(loggablePath('http://localhost:3001/api/skus?fields%5Bskus%5D=code%2Cname&page%5Bsize%5D=25')).toBe(
      '/api/skus?fields[skus]=code,name&page[size]=25',
    )
  })
})

describe('loggableBody', () => {
  it('pretty-prints JSON, redacted', () => {
    expect(loggableBody(JSON.stringify({ grant_type: 'password', password: 'demo1234' }))).toBe(
      '{\n  "grant_type": "password",\n  "password": "[redacted]"\n}',
    )
  })

  it('has nothing to show for an empty body', () => {
    expect(loggableBody(null)).toBeNull()
    expect(loggableBody('')).toBeNull()
  })

  it('keeps text that is not JSON, scrubbed', () => {
    expect(loggableBody('grant_type=password&password=demo1234')).toBe('grant_type=password&password=[redacted]')
  })

  it('cuts a long body and says how much is missing', () => {
    const shown = loggableBody('x'.repeat(MAX_BODY_CHARS + 1234))
    expect(shown).toHaveLength(MAX_BODY_CHARS + '\n… (1,234 more characters not kept)'.length)
    expect(shown?.endsWith('… (1,234 more characters not kept)')).toBe(true)
  })
})

describe('toApiLogEntry', () => {
  it('describes an exchange with no secret left in it', () => {
    const entry = toApiLogEntry({
      method: 'post',
      url: 'http://localhost:3001/oauth/token',
      requestBody: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: 'r3fr3sh',
        client_id: 'sandbox-storefront',
      }),
      status: 200,
      responseBody: JSON.stringify({
        access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
        refresh_token: 'n3w',
        token_type: 'bearer',
      }),
      error: null,
      startedAt: new Date('2026-01-02T03:04:05.678Z'),
      durationMs: 12.6,
    })
    expect(entry).toEqual({
      at: '2026-01-02T03:04:05.678Z',
      method: 'POST',
      path: '/oauth/token',
      status: 200,
      durationMs: 13,
      requestBody:
        '{\n  "grant_type": "refresh_token",\n  "refresh_token": "[redacted]",\n  "client_id": "sandbox-storefront"\n}',
      responseBody: '{\n  "access_token": "[redacted]",\n  "refresh_token": "[redacted]",\n  "token_type": "bearer"\n}',
      error: null,
      seedStep: null,
    })
  })

  it("marks the guide's step from the body as sent", () => {
    const entry = toApiLogEntry({
      method: 'PATCH',
      url: `${ORDER_URL}?include=available_customer_payment_sources`,
      requestBody: JSON.stringify(saveBody),
      status: 200,
      responseBody: null,
      error: null,
      startedAt: new Date(),
      durationMs: 5,
    })
    expect(entry.seedStep).toBe(1)
    expect(entry.requestBody).toContain('"_save_payment_source_to_customer_wallet": true')
  })
})
