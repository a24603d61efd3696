/**
 * A name from a request looked up in one of the sandbox's own tables (attributes, relationships, grants):
 * own properties only, so `constructor` or `__proto__` is a name it does not know, not something every
 * JavaScript object inherits.
 */
export function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined
}
