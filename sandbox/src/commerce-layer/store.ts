import type { Db } from '../db/database'
import type Database from 'better-sqlite3'

type Params = readonly unknown[]

/**
 * The Commerce Layer stand-in's only door to SQLite. Every statement is prepared once, the first time its SQL
 * is seen, and reused after that: preparing is most of the cost of a small query.
 */
export class Store {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(readonly db: Db) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      // Lists build their SQL from the filters they are given; a bound on the cache keeps odd clients harmless.
      if (this.statements.size > 2_000) this.statements.clear()
      this.statements.set(sql, statement)
    }
    return statement
  }

  get<T>(sql: string, ...params: Params): T | undefined {
    return this.statement(sql).get(...params) as T | undefined
  }

  all<T>(sql: string, ...params: Params): T[] {
    return this.statement(sql).all(...params) as T[]
  }

  run(sql: string, ...params: Params): Database.RunResult {
    return this.statement(sql).run(...params)
  }

  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }
}

/** A JSON array parameter for `IN (SELECT value FROM json_each(?))`: one prepared statement for any number of ids. */
export const idList = (ids: Iterable<string>): string => JSON.stringify([...new Set(ids)])
