import { registerOAuthRoutes, registerRevokeRoute } from './auth/oauth'
import { TokenService } from './auth/tokens'
import { registerCatalogDoors } from './catalog-doors'
import { registerCommerceLayerDoors } from './doors'
import { registerImageRoutes } from './images'
import { renderApiError, renderAuthError } from './jsonapi/errors'
import { KlarnaGateway } from './klarna-adapter'
import { commerceLayerResources } from './resources'
import { registerApiRoutes } from './routes'
import { commerceLayerMigrations } from './schema'
import { seedCore } from './seed'
import { Store } from './store'
import type { SandboxModule } from '../module'
import type { Api } from './api'
import type { ResourceDef } from './api'

/**
 * The Commerce Layer stand-in: the auth host's `POST /oauth/token` and the Core API under `/api`, on SQLite.
 * Its Klarna payments reach the Klarna stand-in over HTTP, through `klarna-adapter.ts`.
 */
export const commerceLayerModule: SandboxModule = {
  name: 'commerce-layer',
  migrations: commerceLayerMigrations,
  errorRenderers: { '/api': renderApiError, '/oauth': renderAuthError },
  corsPrefixes: ['/api', '/oauth'],
  routes(router, services) {
    const store = new Store(services.db)
    const api: Api = {
      store,
      clock: services.clock,
      tokens: new TokenService(store, services.clock),
      klarna: new KlarnaGateway(() => `${services.selfOrigin()}/klarna`),
      resources: new Map(commerceLayerResources.map((def: ResourceDef) => [def.type, def])),
      services,
      inFlight: new Map(),
    }
    registerOAuthRoutes(router, api)
    registerRevokeRoute(router, api)
    registerApiRoutes(router, api)
    registerCatalogDoors(router, store, services)
    registerImageRoutes(router)
    registerCommerceLayerDoors(router, api)
  },
  seed(services) {
    seedCore(new Store(services.db), services.clock.now())
  },
}
