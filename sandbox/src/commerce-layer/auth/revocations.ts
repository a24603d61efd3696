import { createHash } from 'node:crypto'
import type { Clock } from '../../clock'
import type { Store } from '../store'

/**
 * What `POST /oauth/revoke` ends: access tokens (JWTs, which would otherwise stay good until they expire) are
 * remembered by their SHA-256 until then; refresh tokens are marked revoked in place, as a used one is.
 */

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export class RevokedAccessTokens {
  constructor(
    private readonly store: Store,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  add(token: string, expiresAtSeconds: number): void {
    const now = this.clock.now()
    this.store.run('DELETE FROM cl_revoked_access_tokens WHERE expires_at <= ?', now)
    this.store.run(
      'INSERT OR IGNORE INTO cl_revoked_access_tokens (token_hash, expires_at) VALUES (?, ?)',
      hashToken(token),
      expiresAtSeconds * 1000,
    )
  }

  has(token: string): boolean {
    return (
      this.store.get('SELECT 1 AS revoked FROM cl_revoked_access_tokens WHERE token_hash = ?', hashToken(token)) !==
      undefined
    )
  }
}

/** Revokes a refresh token that is still good; false when the token is not one (or no longer is). */
export function revokeRefreshToken(store: Store, clock: Pick<Clock, 'now'>, token: string): boolean {
  const now = clock.now()
  const revoked = store.run(
    'UPDATE cl_refresh_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
    now,
    hashToken(token),
  )
  return revoked.changes === 1
}
