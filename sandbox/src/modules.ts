import { commerceLayerModule } from './commerce-layer'
import { klarnaModule } from './klarna/module'
import { sandboxTools } from './sandbox-tools'
import type { SandboxModule } from './module'

/** Every part of the sandbox, in the order their tables are created and their seed data is written. */
export const sandboxModules: readonly SandboxModule[] = [sandboxTools, commerceLayerModule, klarnaModule]
