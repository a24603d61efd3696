import { own } from '../own'
import { errors } from './errors'
import type { QueryOptions } from './query'
import type { ApiCall } from '../api'
import type { AttributeDef, ListScope, ResourceDef, Row } from '../api'

/** Ransack's predicates that the sandbox understands, longest first so `not_eq` wins over `eq`. */
const PREDICATES = [
  'not_eq',
  'not_in',
  'present',
  'blank',
  'lteq',
  'gteq',
  'start',
  'false',
  'null',
  'cont',
  'true',
  'end',
  'eq',
  'in',
  'lt',
  'gt',
]
const BOOLEAN_PREDICATES = new Set(['null', 'present', 'blank', 'true', 'false'])

type Clause = { sql: string; params: unknown[] }

const idAttribute: AttributeDef = {
  read: (row) => row.id,
  type: 'string',
  column: 'id',
  filterable: true,
  sortable: true,
}

function filterable(def: ResourceDef, name: string): AttributeDef | undefined {
  if (name === 'id') return idAttribute
  const attribute = own(def.attributes, name)
  return attribute?.filterable && attribute.column ? attribute : undefined
}

/** `name_or_code_cont` → the attributes (name, code) and the predicate (cont), or undefined when it is not a filter. */
function splitFilter(def: ResourceDef, key: string): { attributes: AttributeDef[]; predicate: string } | undefined {
  for (const predicate of PREDICATES) {
    if (!key.endsWith(`_${predicate}`)) continue
    const names = key.slice(0, -(predicate.length + 1)).split('_or_')
    const attributes = names.map((name) => filterable(def, name))
    if (attributes.every((attribute) => attribute !== undefined)) return { attributes, predicate }
  }
  return undefined
}

function typedValue(attribute: AttributeDef, key: string, raw: string): unknown {
  if (attribute.type === 'integer' || attribute.type === 'float') {
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value))
      throw errors.badRequest(`${key}: "${raw}" is not a number.`, { parameter: `filter[q][${key}]` })
    return value
  }
  if (attribute.type === 'boolean') return truthy(key, raw) ? 1 : 0
  return raw
}

function truthy(key: string, raw: string): boolean {
  if (['true', 't', '1'].includes(raw.toLowerCase())) return true
  if (['false', 'f', '0'].includes(raw.toLowerCase())) return false
  throw errors.badRequest(`${key}: "${raw}" is not true or false.`, { parameter: `filter[q][${key}]` })
}

const likePattern = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`)

function predicateClause(attribute: AttributeDef, predicate: string, key: string, raw: string): Clause {
  const column = attribute.column as string
  if (BOOLEAN_PREDICATES.has(predicate)) {
    const wanted = truthy(key, raw)
    const positive: Record<string, string> = {
      null: `${column} IS NULL`,
      present: `(${column} IS NOT NULL AND TRIM(${column}) != '')`,
      blank: `(${column} IS NULL OR TRIM(${column}) = '')`,
      true: `${column} = 1`,
      false: `${column} = 0`,
    }
    const sql = positive[predicate] as string
    return { sql: wanted ? sql : `NOT ${sql}`, params: [] }
  }
  if (predicate === 'in' || predicate === 'not_in') {
    const values = raw.split(',').map((part) => typedValue(attribute, key, part.trim()))
    const not = predicate === 'not_in' ? 'NOT ' : ''
    return { sql: `${column} ${not}IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] }
  }
  const like: Record<string, (value: string) => string> = {
    cont: (value) => `%${likePattern(value)}%`,
    start: (value) => `${likePattern(value)}%`,
    end: (value) => `%${likePattern(value)}`,
  }
  const pattern = like[predicate]
  if (pattern) return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [pattern(raw)] }
  const operators: Record<string, string> = { eq: '=', not_eq: '!=', lt: '<', lteq: '<=', gt: '>', gteq: '>=' }
  return { sql: `${column} ${operators[predicate] as string} ?`, params: [typedValue(attribute, key, raw)] }
}

function filterClause(def: ResourceDef, key: string, raw: string): Clause {
  const parsed = splitFilter(def, key)
  if (!parsed) throw errors.filterNotAllowed(key)
  const clauses = parsed.attributes.map((attribute) => predicateClause(attribute, parsed.predicate, key, raw))
  return {
    sql: clauses.length === 1 ? (clauses[0] as Clause).sql : `(${clauses.map((clause) => clause.sql).join(' OR ')})`,
    params: clauses.flatMap((clause) => clause.params),
  }
}

/** One page of `def`'s rows within `scope`, filtered and sorted as asked, and the number of rows on all pages. */
export function listRows(
  call: ApiCall,
  def: ResourceDef,
  scope: ListScope,
  options: QueryOptions,
): { rows: Row[]; total: number } {
  const clauses: Clause[] = [{ sql: scope.where, params: scope.params }]
  for (const [key, raw] of options.filters) clauses.push(filterClause(def, key, raw))
  const where = clauses.map((clause) => `(${clause.sql})`).join(' AND ')
  const params = clauses.flatMap((clause) => clause.params)
  const order = [
    ...options.sort.map(({ name, descending }) => {
      const column = name === 'id' ? 'id' : (def.attributes[name]?.column as string)
      return `${column} ${descending ? 'DESC' : 'ASC'}`
    }),
    'rowid ASC',
  ].join(', ')
  const { store } = call.api
  const total =
    store.get<{ total: number }>(`SELECT COUNT(*) AS total FROM ${def.table} WHERE ${where}`, ...params)?.total ?? 0
  const { number, size } = options.page
  const rows = store.all<Row>(
    `SELECT * FROM ${def.table} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ...params,
    size,
    (number - 1) * size,
  )
  return { rows, total }
}
