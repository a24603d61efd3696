import type { Clock } from '../clock'
import type { Context } from '../http/context'
import type { Services } from '../module'
import type { Caller, TokenService } from './auth/tokens'
import type { KlarnaGateway } from './klarna-adapter'
import type { Store } from './store'
import type { z } from 'zod'

// The Core API stand-in's shared types: the call a handler serves and the resource definitions it serves them
// from. They refer to each other, so they live together.

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

/** A database row behind a resource; every resource table has a text `id`. */
export type Row = { id: string; [column: string]: unknown }

export type FieldType = 'string' | 'integer' | 'float' | 'boolean' | 'datetime' | 'object' | 'array'

export type AttributeDef = {
  /** The value clients see; `call` for what depends on the request (e.g. URLs on the sandbox's origin). */
  read: (row: Row, call: ApiCall) => unknown
  type: FieldType
  /** The SQL column behind the attribute; only column-backed attributes can be filtered or sorted. */
  column?: string
  filterable?: boolean
  sortable?: boolean
}

/** A related resource as a loader returns it: its type (relationships can be polymorphic) and its row. */
export type Linked = { type: string; row: Row }

export type RelationshipDef = {
  many: boolean
  /** The types it can point to: one, or several for a polymorphic relationship. */
  types: readonly string[]
  /** Loads this relationship for many parents at once (one query, never one per parent), keyed by parent id. */
  load(call: ApiCall, parents: readonly Row[]): Map<string, Linked | Linked[] | null>
}

export type Identifier = { type: string; id: string }

/** What a POST or PATCH may carry: each attribute with the zod schema of its value, each relationship with its types. */
export type WriteSpec = {
  attributes: Record<string, { schema: z.ZodType; create?: boolean; update?: boolean }>
  relationships: Record<string, { types: readonly string[]; create?: boolean; update?: boolean; many?: boolean }>
}

/** A validated write: only declared fields, values already parsed by their schemas. */
export type WriteInput = {
  attributes: Record<string, unknown>
  relationships: Record<string, Identifier | Identifier[] | null>
}

export type ListScope = { where: string; params: unknown[] }

/**
 * One resource type of the Core API: how its rows read as JSON:API, who may see them, and (optionally) how it is
 * written. Attributes and relationships are listed in the order responses show them.
 */
export type ResourceDef = {
  type: string
  table: string
  /** Served only at `/api/<singular>` (the organization), never as `/api/<type>` or `/api/<type>/:id`. */
  singleton?: boolean
  attributes: Record<string, AttributeDef>
  relationships: Record<string, RelationshipDef>
  /** The rows this caller may list (an SQL condition), or a refusal for callers that may not list them at all. */
  listScope(call: ApiCall): ListScope | 'unauthorized'
  /** Whether this caller may read this row by id: false answers 404 (it leaks nothing), 'unauthorized' 401. */
  canRead(call: ApiCall, row: Row): boolean | 'unauthorized'
  writes?: WriteSpec
  create?(call: ApiCall, input: WriteInput): Promise<Row> | Row
  update?(call: ApiCall, row: Row, input: WriteInput): Promise<Row> | Row
  destroy?(call: ApiCall, row: Row): Promise<void> | void
}
