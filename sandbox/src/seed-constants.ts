/**
 * Values both stand-ins must agree on, and that the README lists for people trying the sandbox.
 * The Commerce Layer stand-in's seeded Klarna gateway holds the merchant credentials; the Klarna stand-in
 * accepts only them. The returning customer's saved Klarna source points at a customer token that the
 * Klarna stand-in seeds as ACTIVE.
 */
export const SANDBOX_ORGANIZATION_SLUG = 'sandbox'
export const SANDBOX_SALES_CHANNEL_CLIENT_ID = 'sandbox-storefront'
export const SANDBOX_MARKET_CODE = 'europe'
/**
 * The domain in the tokens' `iss` (`https://auth.localhost`): a client deriving Commerce Layer's hosts from a token
 * computes `https://sandbox.localhost`, a loopback name, never a real organization's host.
 */
export const DEFAULT_SANDBOX_DOMAIN = 'localhost'

export const KLARNA_SANDBOX_API_KEY = 'sandbox-klarna-key'
export const KLARNA_SANDBOX_API_SECRET = 'sandbox-klarna-secret'

export const DEMO_PASSWORD = 'demo1234'
export const NEW_CUSTOMER_EMAIL = 'new@example.com'
export const RETURNING_CUSTOMER_EMAIL = 'returning@example.com'

/** The Klarna customer token behind returning@example.com's saved source (a Klarna-shaped UUID). */
export const RETURNING_CUSTOMER_KLARNA_TOKEN = '5f3d8a2e-7b1c-4e09-9a6d-2c8b4f1e7a90'
