import { resourceDef, type ApiCall } from '../api'
import { idList } from '../store'
import type { Linked, RelationshipDef, Row } from '../api'

/** Rows of one type by id, in one query. */
export function rowsById(call: ApiCall, type: string, ids: Iterable<string>): Map<string, Row> {
  const { table } = resourceDef(call.api, type)
  const rows = call.api.store.all<Row>(
    `SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    idList(ids),
  )
  return new Map(rows.map((row) => [row.id, row]))
}

const presentIds = (parents: readonly Row[], column: string): string[] =>
  parents.map((parent) => parent[column]).filter((value): value is string => typeof value === 'string')

/** A to-one relationship through a foreign key column of the parent (`orders.market_id` → markets). */
export function belongsTo(type: string, column: string): RelationshipDef {
  return {
    many: false,
    types: [type],
    load(call, parents) {
      const found = rowsById(call, type, presentIds(parents, column))
      return new Map(
        parents.map((parent) => {
          const row = found.get(parent[column] as string)
          return [parent.id, row ? { type, row } : null]
        }),
      )
    },
  }
}

/** A to-many relationship through a foreign key column of the children (`line_items.order_id` → orders). */
export function hasMany(type: string, column: string, condition = ''): RelationshipDef {
  return {
    many: true,
    types: [type],
    load(call, parents) {
      const { table } = resourceDef(call.api, type)
      const rows = call.api.store.all<Row>(
        `SELECT * FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?)) ${condition} ORDER BY rowid`,
        idList(parents.map((parent) => parent.id)),
      )
      return groupBy(parents, rows, (row) => row[column] as string, type)
    },
  }
}

/** A to-one relationship whose type is in one column and id in another (`orders.payment_source_type/_id`). */
export function polymorphic(typeColumn: string, idColumn: string, types: readonly string[]): RelationshipDef {
  return {
    many: false,
    types,
    load(call, parents) {
      const found = new Map<string, Row>()
      for (const type of types) {
        const ids = parents.filter((parent) => parent[typeColumn] === type)
        for (const [id, row] of rowsById(call, type, presentIds(ids, idColumn))) found.set(`${type}:${id}`, row)
      }
      return new Map(
        parents.map((parent) => {
          const type = parent[typeColumn] as string
          const row = found.get(`${type}:${parent[idColumn] as string}`)
          return [parent.id, row ? { type, row } : null]
        }),
      )
    },
  }
}

/** A to-many relationship computed by `load` from all parents at once. */
export function computedMany(
  type: string,
  load: (call: ApiCall, parents: readonly Row[]) => Map<string, Row[]>,
): RelationshipDef {
  return {
    many: true,
    types: [type],
    load(call, parents) {
      const found = load(call, parents)
      return new Map(parents.map((parent) => [parent.id, (found.get(parent.id) ?? []).map((row) => ({ type, row }))]))
    },
  }
}

/** Children grouped under their parents' ids, every parent present (with an empty list when it has none). */
export function groupBy(parents: readonly Row[], rows: Row[], parentIdOf: (row: Row) => string, type: string) {
  const grouped = new Map<string, Linked[]>(parents.map((parent) => [parent.id, []]))
  for (const row of rows) grouped.get(parentIdOf(row))?.push({ type, row })
  return grouped
}
