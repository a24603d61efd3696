import { klarnaModule } from './klarna/module'
import { commerceLayerModule } from './core'
import type { SandboxModule } from './module'
import { sandboxTools } from './sandbox-tools'

/** Every part of the sandbox, in the order their tables are created and their seed data is written. */
export const sandboxModules: readonly SandboxModule[] = [sandboxTools, commerceLayerModule, klarnaModule]
