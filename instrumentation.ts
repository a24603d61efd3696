// Runs once when the server starts: a missing or half-filled configuration stops the start here, with a
// message that names what is missing, instead of failing on a shopper's first request.
// Imported only on Node.js: the configuration reads the sandbox's secret file, which the Edge runtime cannot.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { env } = await import('@/lib/env')
  const { mode, commerceLayer } = env()
  console.log(
    mode === 'sandbox'
      ? `Commerce Layer: the local sandbox at ${commerceLayer.apiOrigin}`
      : `Commerce Layer: organization ${commerceLayer.organization}`,
  )
}
