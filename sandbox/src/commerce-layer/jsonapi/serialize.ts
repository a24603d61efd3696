import { resourceDef, type ApiCall } from '../api'
import type { IncludeTree, QueryOptions } from './query'
import type { Identifier, Linked, ResourceDef, Row } from '../api'

type Linkage = Identifier | Identifier[] | null
/** For each resource (`type:id`), the data of the relationships that were loaded for it. */
type Linkages = Map<string, Map<string, Linkage>>

const keyOf = (type: string, id: string) => `${type}:${id}`
const identifier = (linked: Linked): Identifier => ({ type: linked.type, id: linked.row.id })

/** A JSON:API resource object as Commerce Layer shapes it: id, type, links, attributes, relationships, meta. */
export function resourceObject(
  call: ApiCall,
  def: ResourceDef,
  row: Row,
  fields?: Set<string>,
  linkage?: Map<string, Linkage>,
) {
  const self = `${call.base}/${def.type}/${row.id}`
  const attributes: Record<string, unknown> = {}
  for (const [name, attribute] of Object.entries(def.attributes)) {
    if (!fields || fields.has(name)) attributes[name] = attribute.read(row, call)
  }
  const relationships: Record<string, unknown> = {}
  for (const name of Object.keys(def.relationships)) {
    if (fields && !fields.has(name)) continue
    const links = { self: `${self}/relationships/${name}`, related: `${self}/${name}` }
    relationships[name] = linkage?.has(name) ? { links, data: linkage.get(name) } : { links }
  }
  return { id: row.id, type: def.type, links: { self }, attributes, relationships, meta: { mode: 'test' } }
}

/**
 * Loads what `include` asks for, level by level: one query per relationship per level for all rows at once,
 * so an include costs the same for one order or a page of 25.
 */
function loadIncluded(
  call: ApiCall,
  def: ResourceDef,
  rows: readonly Row[],
  tree: IncludeTree,
  linkages: Linkages,
  included: Map<string, Linked>,
): void {
  for (const [name, subtree] of tree) {
    const relationship = def.relationships[name]
    if (!relationship || rows.length === 0) continue
    const loaded = relationship.load(call, rows)
    const reached = new Map<string, Map<string, Row>>()
    for (const parent of rows) {
      const value = loaded.get(parent.id) ?? (relationship.many ? [] : null)
      const list = value === null ? [] : Array.isArray(value) ? value : [value]
      const parentKey = keyOf(def.type, parent.id)
      let parentLinkage = linkages.get(parentKey)
      if (!parentLinkage) linkages.set(parentKey, (parentLinkage = new Map()))
      parentLinkage.set(name, Array.isArray(value) ? value.map(identifier) : value ? identifier(value) : null)
      for (const linked of list) {
        let ofType = reached.get(linked.type)
        if (!ofType) reached.set(linked.type, (ofType = new Map()))
        ofType.set(linked.row.id, linked.row)
        const key = keyOf(linked.type, linked.row.id)
        if (!included.has(key)) included.set(key, linked)
      }
    }
    for (const [type, children] of reached) {
      if (subtree.size > 0)
        loadIncluded(call, resourceDef(call.api, type), [...children.values()], subtree, linkages, included)
    }
  }
}

/** The whole answer for one resource or a list: `data`, and `included` when something was included. */
export function document(call: ApiCall, def: ResourceDef, data: Row | readonly Row[], options: QueryOptions) {
  const rows = Array.isArray(data) ? data : [data as Row]
  const linkages: Linkages = new Map()
  const included = new Map<string, Linked>()
  loadIncluded(call, def, rows, options.include, linkages, included)
  const serialize = (type: string, row: Row) =>
    resourceObject(call, resourceDef(call.api, type), row, options.fields.get(type), linkages.get(keyOf(type, row.id)))
  const primary = rows.map((row) => serialize(def.type, row))
  for (const row of rows) included.delete(keyOf(def.type, row.id))
  const body: Record<string, unknown> = { data: Array.isArray(data) ? primary : primary[0] }
  if (options.include.size > 0)
    body.included = [...included.values()].map((linked) => serialize(linked.type, linked.row))
  return body
}

/** A list answer: the page's `data`, `meta` with the counts, and `links` to the first, neighbouring and last pages. */
export function listDocument(
  call: ApiCall,
  def: ResourceDef,
  rows: readonly Row[],
  total: number,
  options: QueryOptions,
) {
  const { number, size } = options.page
  const pageCount = Math.ceil(total / size)
  const pageLink = (page: number) => {
    const query = new URLSearchParams(call.ctx.query)
    query.set('page[number]', String(page))
    query.set('page[size]', String(size))
    // The path asked for: a list endpoint, or a related-resource list such as /api/orders/:id/line_items.
    return `${call.ctx.origin}${call.ctx.path}?${query.toString()}`
  }
  const links: Record<string, string> = { first: pageLink(1) }
  if (number > 1) links.prev = pageLink(number - 1)
  if (number < pageCount) links.next = pageLink(number + 1)
  links.last = pageLink(Math.max(pageCount, 1))
  return { ...document(call, def, rows, options), meta: { record_count: total, page_count: pageCount }, links }
}
