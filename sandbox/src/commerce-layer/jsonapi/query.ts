import { own } from '../own'
import { errors } from './errors'
import type { Api } from '../api'
import type { ResourceDef } from '../api'

/** `include=a,b.c` as a tree: relationship name → what to include below it. */
export type IncludeTree = Map<string, IncludeTree>

export type QueryOptions = {
  include: IncludeTree
  /** `fields[<type>]=a,b`: the attributes and relationships to show per type; absent means all. */
  fields: Map<string, Set<string>>
  /** `filter[q][<attribute>_<predicate>]=value`, in the order given. */
  filters: [string, string][]
  sort: { name: string; descending: boolean }[]
  page: { number: number; size: number }
}

export const DEFAULT_PAGE_SIZE = 10
export const MAX_PAGE_SIZE = 25

/**
 * Reads and checks the JSON:API query parameters of a request on `def`. Anything unknown (a parameter, an include
 * path, a field, a sort key) is refused with the error that names it. `list` allows filter, sort and page.
 */
export function parseQuery(api: Api, def: ResourceDef, query: URLSearchParams, list: boolean): QueryOptions {
  const options: QueryOptions = {
    include: new Map(),
    fields: new Map(),
    filters: [],
    sort: [],
    page: { number: 1, size: DEFAULT_PAGE_SIZE },
  }
  for (const [key, value] of query) {
    if (key === 'include') {
      options.include = parseInclude(api, def, value)
      continue
    }
    const fieldsMatch = /^fields\[([a-z_]+)\]$/.exec(key)
    if (fieldsMatch) {
      const type = fieldsMatch[1] as string
      options.fields.set(type, parseFields(api, type, value, key))
      continue
    }
    if (list) {
      const filterMatch = /^filter\[q\]\[([a-z0-9_]+)\]$/.exec(key)
      if (filterMatch) {
        options.filters.push([filterMatch[1] as string, value])
        continue
      }
      if (key === 'sort') {
        options.sort = parseSort(def, value)
        continue
      }
      if (key === 'page[number]' || key === 'page[size]') {
        const name = key === 'page[number]' ? 'number' : 'size'
        options.page[name] = parsePageValue(name, value)
        continue
      }
    }
    throw errors.paramNotAllowed(key, { parameter: key })
  }
  return options
}

function parseInclude(api: Api, def: ResourceDef, value: string): IncludeTree {
  const tree: IncludeTree = new Map()
  for (const path of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    let defs: ResourceDef[] = [def]
    let node = tree
    for (const name of path.split('.')) {
      const relationships = defs
        .map((candidate) => own(candidate.relationships, name))
        .filter((rel) => rel !== undefined)
      if (relationships.length === 0) throw errors.invalidInclude(def.type, path)
      defs = relationships.flatMap((rel) =>
        rel.types.map((type) => api.resources.get(type)).filter((d) => d !== undefined),
      )
      let child = node.get(name)
      if (!child) {
        child = new Map()
        node.set(name, child)
      }
      node = child
    }
  }
  return tree
}

function parseFields(api: Api, type: string, value: string, parameter: string): Set<string> {
  const def = api.resources.get(type)
  if (!def) throw errors.invalidResource(type, parameter)
  const names = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  for (const name of names) {
    if (name !== 'id' && !own(def.attributes, name) && !own(def.relationships, name))
      throw errors.invalidField(type, name)
  }
  return new Set(names)
}

function parseSort(def: ResourceDef, value: string) {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const descending = part.startsWith('-')
      const name = descending ? part.slice(1) : part
      if (name !== 'id' && !own(def.attributes, name)?.sortable) throw errors.invalidSort(def.type, name)
      return { name, descending }
    })
}

/** Past this page the row offset would no longer be an exact integer (and SQLite refuses an inexact one). */
const MAX_PAGE_NUMBER = Math.floor(Number.MAX_SAFE_INTEGER / MAX_PAGE_SIZE)

function parsePageValue(name: 'number' | 'size', value: string): number {
  const parsed = Number(value)
  if (!/^\d+$/.test(value) || parsed < 1) throw errors.invalidPageValue(name, value, 'It must be a positive integer.')
  if (name === 'size' && parsed > MAX_PAGE_SIZE) {
    throw errors.invalidPageValue(name, value, `The largest page size is ${MAX_PAGE_SIZE}.`)
  }
  if (parsed > MAX_PAGE_NUMBER)
    throw errors.invalidPageValue(name, value, `The largest page number is ${MAX_PAGE_NUMBER}.`)
  return parsed
}
