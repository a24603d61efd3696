import { authorizationRoutes } from './authorizations'
import { browserRoutes } from './browser'
import { customerTokenRoutes, seedReturningCustomerToken } from './customer-tokens'
import { doorRoutes } from './doors'
import { renderKlarnaError } from './errors'
import { klarnaMigrations } from './migrations'
import { sessionRoutes } from './sessions'
import type { SandboxModule } from '../module'

/**
 * The Klarna stand-in, under /klarna: Klarna's Payments and Customer Token REST APIs (HTTP Basic auth), the
 * browser library with its widget and dialog (/klarna/kp), and sandbox-only doors (/klarna/sandbox).
 */
export const klarnaModule: SandboxModule = {
  name: 'klarna',
  migrations: klarnaMigrations,
  errorRenderers: { '/klarna': renderKlarnaError },
  routes(router, services) {
    sessionRoutes(router, services)
    authorizationRoutes(router, services)
    customerTokenRoutes(router, services)
    browserRoutes(router, services)
    doorRoutes(router, services)
  },
  seed: seedReturningCustomerToken,
}
