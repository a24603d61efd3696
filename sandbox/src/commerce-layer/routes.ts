import { readWriteBody } from './jsonapi/body'
import { apiError, errors, JSONAPI_MEDIA_TYPE } from './jsonapi/errors'
import { listRows } from './jsonapi/list'
import { parseQuery, type QueryOptions } from './jsonapi/query'
import { document, listDocument } from './jsonapi/serialize'
import { own } from './own'
import type { Api, ApiCall } from './api'
import type { Linked, ResourceDef, Row } from './api'
import type { Context } from '../http/context'
import type { Router } from '../http/router'

/** Accept is fine when absent, a wildcard, or the JSON:API media type without parameters. */
function acceptsJsonApi(accept: string | undefined): boolean {
  if (!accept) return true
  return accept.split(',').some((entry) => {
    const mediaType = entry.trim().toLowerCase()
    return mediaType === JSONAPI_MEDIA_TYPE || mediaType.startsWith('*/*') || mediaType.startsWith('application/*')
  })
}

async function authenticate(api: Api, ctx: Context): Promise<ApiCall> {
  const authorization = ctx.header('authorization')
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
  if (!match)
    throw errors.unauthorized(
      'An access token is required: send "Authorization: Bearer <token>" from POST /oauth/token.',
    )
  const caller = await api.tokens.verify(match[1] as string)
  if (caller === 'expired')
    throw errors.invalidToken('The access token has expired: get a new one from POST /oauth/token.')
  if (caller === 'invalid') throw errors.invalidToken('The access token you provided is invalid.')
  return { api, ctx, caller, base: `${ctx.origin}/api` }
}

function definitionOf(api: Api, type: string): ResourceDef {
  const def = api.resources.get(type)
  if (!def || def.singleton) {
    throw apiError(404, {
      title: 'Not found',
      detail: `The sandbox does not serve /api/${type}. It serves: ${servedPaths(api)}.`,
      code: 'NOT_FOUND',
    })
  }
  return def
}

/** The row with this id if the caller may read it; otherwise the same 404 whether it exists or not. */
export function readableRow(call: ApiCall, def: ResourceDef, id: string): Row {
  const row = call.api.store.get<Row>(`SELECT * FROM ${def.table} WHERE id = ?`, id)
  const verdict = row ? def.canRead(call, row) : false
  if (verdict === 'unauthorized') throw errors.unauthorized()
  if (!row || !verdict) throw errors.recordNotFound(id)
  return row
}

/** `/api/<type>` for each resource, `/api/<singular>` for a singleton (the organization). */
const servedPaths = (api: Api) =>
  [...api.resources.values()]
    .map((def) => (def.singleton ? def.type.replace(/s$/, '') : def.type))
    .sort()
    .join(', ')

const send = (ctx: Context, status: number, body: unknown) => ctx.send(status, body, JSONAPI_MEDIA_TYPE)

/**
 * The Core API's generic endpoints for every registered resource: list, create, retrieve, update, delete, and
 * the related-resource and relationship endpoints. Query parameters are checked before anything is written.
 */
export function registerApiRoutes(router: Router, api: Api): void {
  const route =
    (handler: (call: ApiCall, def: ResourceDef) => Promise<void> | void, writes = false, singleton?: ResourceDef) =>
    async (ctx: Context) => {
      const accept = ctx.header('accept')
      if (!acceptsJsonApi(accept)) throw errors.notAcceptable(accept ?? '')
      if (writes) {
        const contentType = ctx.header('content-type') ?? ''
        if (contentType.split(';')[0]?.trim().toLowerCase() !== JSONAPI_MEDIA_TYPE)
          throw errors.unsupportedMediaType(contentType)
      }
      const call = await authenticate(api, ctx)
      await handler(call, singleton ?? definitionOf(api, ctx.params.type as string))
    }

  // Singletons, at their singular path: `GET /api/organization`.
  for (const def of api.resources.values()) {
    if (!def.singleton) continue
    router.get(
      `/api/${def.type.replace(/s$/, '')}`,
      route(
        (call) => {
          const options = parseQuery(api, def, call.ctx.query, false)
          const row = call.api.store.get<Row>(`SELECT * FROM ${def.table} ORDER BY rowid LIMIT 1`)
          if (!row) throw errors.recordNotFound(def.type)
          send(call.ctx, 200, document(call, def, row, options))
        },
        false,
        def,
      ),
    )
  }

  router.get(
    '/api/:type',
    route((call, def) => {
      const options = parseQuery(api, def, call.ctx.query, true)
      const scope = def.listScope(call)
      if (scope === 'unauthorized') throw errors.unauthorized()
      const { rows, total } = listRows(call, def, scope, options)
      send(call.ctx, 200, listDocument(call, def, rows, total, options))
    }),
  )

  router.post(
    '/api/:type',
    route(async (call, def) => {
      const options = parseQuery(api, def, call.ctx.query, false)
      if (!def.create) throw errors.unauthorized()
      const input = await readWriteBody(call.ctx, def, 'create')
      const row = await def.create(call, input)
      send(call.ctx, 201, document(call, def, row, options))
    }, true),
  )

  router.get(
    '/api/:type/:id',
    route((call, def) => {
      const options = parseQuery(api, def, call.ctx.query, false)
      send(call.ctx, 200, document(call, def, readableRow(call, def, call.ctx.params.id as string), options))
    }),
  )

  router.patch(
    '/api/:type/:id',
    route(async (call, def) => {
      const options = parseQuery(api, def, call.ctx.query, false)
      const row = readableRow(call, def, call.ctx.params.id as string)
      if (!def.update) throw errors.unauthorized()
      const input = await readWriteBody(call.ctx, def, 'update', row.id)
      send(call.ctx, 200, document(call, def, await def.update(call, row, input), options))
    }, true),
  )

  router.delete(
    '/api/:type/:id',
    route(async (call, def) => {
      const row = readableRow(call, def, call.ctx.params.id as string)
      if (!def.destroy) throw errors.unauthorized()
      await def.destroy(call, row)
      call.ctx.send(204, undefined)
    }),
  )

  const related = (call: ApiCall, def: ResourceDef) => {
    const name = call.ctx.params.relationship as string
    const relationship = own(def.relationships, name)
    if (!relationship) {
      throw apiError(404, {
        title: 'Not found',
        detail: `${name} is not a relationship of ${def.type}.`,
        code: 'NOT_FOUND',
      })
    }
    const parent = readableRow(call, def, call.ctx.params.id as string)
    return { relationship, linked: relationship.load(call, [parent]).get(parent.id) ?? (relationship.many ? [] : null) }
  }

  router.get(
    '/api/:type/:id/:relationship',
    route((call, def) => {
      const { relationship, linked } = related(call, def)
      const targetType = Array.isArray(linked) || !linked ? (relationship.types[0] as string) : linked.type
      const target = definitionOf(api, targetType)
      const options = parseQuery(api, target, call.ctx.query, relationship.many)
      if (!Array.isArray(linked)) {
        send(
          call.ctx,
          200,
          linked ? document(call, definitionOf(api, linked.type), linked.row, options) : { data: null },
        )
        return
      }
      refuseListRefinements(options)
      const { number, size } = options.page
      const rows = linked.slice((number - 1) * size, number * size).map((entry: Linked) => entry.row)
      send(call.ctx, 200, listDocument(call, target, rows, linked.length, options))
    }),
  )

  router.get(
    '/api/:type/:id/relationships/:relationship',
    route((call, def) => {
      const { linked } = related(call, def)
      const self = `${call.base}/${def.type}/${call.ctx.params.id}`
      const name = call.ctx.params.relationship as string
      const toIdentifier = (entry: Linked) => ({ type: entry.type, id: entry.row.id })
      send(call.ctx, 200, {
        data: Array.isArray(linked) ? linked.map(toIdentifier) : linked ? toIdentifier(linked) : null,
        links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` },
      })
    }),
  )
}

function refuseListRefinements(options: QueryOptions): void {
  if (options.filters.length > 0 || options.sort.length > 0) {
    throw errors.badRequest(
      'The sandbox does not filter or sort related-resource lists; use the list endpoint with filter[q].',
    )
  }
}
