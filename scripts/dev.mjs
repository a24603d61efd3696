// `npm run dev`: both programs in development mode, each reloading on change.
import { listenHost, ports, runShop } from './lib/run-shop.mjs'

runShop({
  sandboxCommand: 'npm run --silent -w sandbox dev',
  shopCommand: `next dev -H ${listenHost()} -p ${ports.shop}`,
})
