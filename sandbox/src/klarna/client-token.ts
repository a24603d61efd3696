import { createHash } from 'node:crypto'
import { jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import { KLARNA_SANDBOX_API_SECRET } from '../seed-constants'

/**
 * The `client_token` a session hands to the browser: a signed JWT, like Klarna's, whose payload tells the
 * library which session it drives and where the stand-in lives (`base_url`), so the library works whatever
 * host and port the sandbox runs on. The key is derived from the merchant secret, so tokens survive a restart.
 */
const signingKey = createHash('sha256').update(`klarna-sandbox-client-token:${KLARNA_SANDBOX_API_SECRET}`).digest()

export type ClientTokenClaims = {
  session_id: string
  /** Where the library finds the widget and the dialog, e.g. http://127.0.0.1:3001/klarna/kp. */
  base_url: string
  purchase_country: string
  purchase_currency: string
  locale: string
  order_amount: number
  environment: 'playground'
  merchant_name: string
}

const claimsSchema = z.object({ session_id: z.string().min(1) })

export function signClientToken(claims: ClientTokenClaims, issuedAtMs: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(Math.floor(issuedAtMs / 1000))
    .setIssuer('klarna-sandbox')
    .sign(signingKey)
}

/** The session a client token was issued for, or undefined when it is not one of ours (forged, altered, garbage). */
export async function sessionIdOfClientToken(token: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, signingKey, { issuer: 'klarna-sandbox', algorithms: ['HS256'] })
    const parsed = claimsSchema.safeParse(payload)
    return parsed.success ? parsed.data.session_id : undefined
  } catch {
    return undefined
  }
}
