import { env } from '@/lib/env'

// Runs once when the server starts: a missing or half-filled configuration stops the start here, with a
// message that names what is missing, instead of failing on a shopper's first request.
export function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { mode, commerceLayer } = env()
  console.log(
    mode === 'sandbox'
      ? `Commerce Layer: the local sandbox at ${commerceLayer.apiOrigin}`
      : `Commerce Layer: organization ${commerceLayer.organization}`,
  )
}
