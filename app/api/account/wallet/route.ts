import { currentCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { listWalletEntries } from '@/lib/commerce-layer/wallet'
import { STORE_UNAVAILABLE } from '@/lib/messages'

/** The signed-in customer's wallet, for the wallet page's swr. Names and dates only: never a token. */
export async function GET() {
  const customer = await currentCustomer()
  if (!customer) return Response.json({ error: 'Please sign in.' }, { status: 401 })
  try {
    const entries = await listWalletEntries(commerceLayerClient(customer.accessToken))
    return Response.json(
      { entries: entries.map(({ id, name, savedAt, isDefault }) => ({ id, name, savedAt, isDefault })) },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch {
    return Response.json({ error: STORE_UNAVAILABLE }, { status: 503 })
  }
}
