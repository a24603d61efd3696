// `npm run dev`: both programs in development mode, each reloading on change.
import { ports, runShop } from './lib/run-shop.mjs'

runShop({ sandboxCommand: 'npm run --silent -w sandbox dev', shopCommand: `next dev -p ${ports.shop}` })
