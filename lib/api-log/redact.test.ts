import { describe, expect, it } from 'vitest'
import { isSecretName, REDACTED, redactJson, redactText } from './redact'

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJvd25lciI6eyJpZCI6ImFiYyJ9fQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ'

describe('isSecretName', () => {
  it.each([
    'access_token',
    'refresh_token',
    'auth_token',
    'client_token',
    'payment_source_token',
    'customer_token',
    'password',
    'client_secret',
    'Authorization',
    'api_key',
  ])('%s is a secret', (name) => expect(isSecretName(name)).toBe(true))

  it.each([
    'token_type',
    'expires_in',
    'scope',
    '_customer_payment_source_id',
    '_save_payment_source_to_customer_wallet',
    'name',
    'owner_id',
  ])('%s is not', (name) => expect(isSecretName(name)).toBe(false))
})

describe('redactJson', () => {
  it('redacts a token grant answer, keeping what is not secret', () => {
    const grant = {
      access_token: JWT,
      token_type: 'bearer',
      expires_in: 7200,
      refresh_token: 'r3fr3sh',
      owner_id: 'KnOpUbXpYU',
      scope: 'market:code:europe',
    }
    expect(redactJson(grant)).toEqual({ ...grant, access_token: REDACTED, refresh_token: REDACTED })
  })

  it('redacts passwords in a grant and in a sign-up, however deep', () => {
    expect(redactJson({ grant_type: 'password', username: 'a@example.com', password: 'demo1234' })).toEqual({
      grant_type: 'password',
      username: 'a@example.com',
      password: REDACTED,
    })
    expect(
      redactJson({ data: { type: 'customers', attributes: { email: 'a@example.com', password: 'demo1234' } } }),
    ).toEqual({
      data: { type: 'customers', attributes: { email: 'a@example.com', password: REDACTED } },
    })
  })

  it("redacts the wallet's Klarna tokens inside included resources", () => {
    const saved = {
      included: [
        {
          type: 'customer_payment_sources',
          attributes: { name: 'Klarna', payment_source_token: '5f3d8a2e', customer_token: 'ref-1' },
        },
      ],
    }
    expect(redactJson(saved)).toEqual({
      included: [
        {
          type: 'customer_payment_sources',
          attributes: { name: 'Klarna', payment_source_token: REDACTED, customer_token: REDACTED },
        },
      ],
    })
  })

  it("keeps the guide's trigger attributes exactly", () => {
    const body = {
      data: {
        type: 'orders',
        id: 'qaMAhZkZvd',
        attributes: { _save_payment_source_to_customer_wallet: true, _customer_payment_source_id: 'QgDXpwsqDx' },
      },
    }
    expect(redactJson(body)).toEqual(body)
  })

  it('keeps an absent token absent, so the panel still says there was none', () => {
    expect(redactJson({ auth_token: null, client_token: 'abc' })).toEqual({ auth_token: null, client_token: REDACTED })
  })

  it('catches a JWT under a name nobody foresaw', () => {
    expect(redactJson({ metadata: { note: `token ${JWT} inside` } })).toEqual({
      metadata: { note: `token ${REDACTED} inside` },
    })
  })
})

describe('redactText', () => {
  it('redacts secret-named form and query parameters', () => {
    expect(redactText('grant_type=refresh_token&refresh_token=abc123&client_id=x')).toBe(
      `grant_type=refresh_token&refresh_token=${REDACTED}&client_id=x`,
    )
    expect(redactText('/api/orders?include=line_items&access_token=abc')).toBe(
      `/api/orders?include=line_items&access_token=${REDACTED}`,
    )
  })

  it('redacts Authorization values and JWTs in free text', () => {
    expect(redactText(`Authorization: Bearer ${JWT}`)).toBe(`Authorization: Bearer ${REDACTED}`)
    expect(redactText('Basic c2FuZGJveDpzZWNyZXQ=')).toBe(`Basic ${REDACTED}`)
    expect(redactText(`not json ${JWT}`)).toBe(`not json ${REDACTED}`)
  })

  it('leaves an ordinary path alone, whatever its segments are called', () => {
    const path = '/api/orders/qaMAhZkZvd?include=available_customer_payment_sources'
    expect(redactText(path)).toBe(path)
    expect(redactText('/api/customer_password_resets?include=customer')).toBe(
      '/api/customer_password_resets?include=customer',
    )
  })
})
