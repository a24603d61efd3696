import type { Clock } from '../clock'
import type { Context } from '../http/context'
import type { Services } from '../module'
import type { Caller, TokenService } from './auth/tokens'
import type { ResourceDef } from './jsonapi/resource'
import type { KlarnaGateway } from './klarna-adapter'
import type { Store } from './store'

/** What the Core API's handlers share for the life of the sandbox. */
export type Api = {
  store: Store
  clock: Clock
  tokens: TokenService
  klarna: KlarnaGateway
  resources: ReadonlyMap<string, ResourceDef>
  services: Services
  /** Work that must not run twice at once for the same key (e.g. saving one payment to the wallet). */
  inFlight: Map<string, Promise<unknown>>
}

/** One authenticated Core API request. */
export type ApiCall = {
  api: Api
  ctx: Context
  caller: Caller
  /** `http://<host>/api`, the base of every `links` URL in the answer. */
  base: string
}

/** The definition of a resource type this sandbox serves; throws for a type the code never registered. */
export function resourceDef(api: Api, type: string): ResourceDef {
  const def = api.resources.get(type)
  if (!def) throw new Error(`Resource type ${type} is not registered`)
  return def
}

export const nowIso = (api: Api): string => new Date(api.clock.now()).toISOString()
