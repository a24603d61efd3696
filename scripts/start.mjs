// `npm start`: the storefront's production build on PORT (3000) and the sandbox on SANDBOX_PORT (3001), building
// first when needed. With Commerce Layer credentials configured (CL_CLIENT_ID, CL_ORGANIZATION, CL_MARKET) only
// the storefront runs.
import { spawnSync } from 'node:child_process'
import { ports, runShop } from './lib/run-shop.mjs'

const build = spawnSync(process.execPath, [new URL('./build-if-needed.mjs', import.meta.url).pathname], {
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)

runShop({ sandboxCommand: 'npm run --silent -w sandbox start', shopCommand: `next start -p ${ports.shop}` })
