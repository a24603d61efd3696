import type { SandboxModule, Services } from './module'

/** Seeds a fresh database, every module in order inside one transaction; a database seeded before is left as is. */
export function seedOnce(services: Services, modules: readonly SandboxModule[]): void {
  const { db } = services
  db.exec('CREATE TABLE IF NOT EXISTS sandbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const seeded = db.prepare<[], { value: string }>("SELECT value FROM sandbox_meta WHERE key = 'seeded_at'").get()
  if (seeded) return
  db.transaction(() => {
    for (const part of modules) part.seed?.(services)
    db.prepare("INSERT INTO sandbox_meta (key, value) VALUES ('seeded_at', ?)").run(new Date().toISOString())
  })()
}
