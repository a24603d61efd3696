import { redirect } from 'next/navigation'
import { CheckoutDetailsForm } from '@/components/checkout/checkout-details-form'
import { OrderSummary } from '@/components/checkout/order-summary'
import { PaymentOptions } from '@/components/checkout/payment-options'
import { getCheckout, missingForPayment } from '@/lib/commerce-layer/checkout'
import { startCheckoutForCustomer } from '@/lib/commerce-layer/checkout-start'
import { env } from '@/lib/env'
import { currentShopper, readCartId } from '@/lib/shopper'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Checkout' }

export default async function CheckoutPage() {
  const cartId = await readCartId()
  if (!cartId) redirect('/cart')
  const { client, customer } = await currentShopper()
  let checkout = await getCheckout(client, cartId)
  if (!checkout || checkout.lines.length === 0) redirect('/cart')

  if (customer && (await startCheckoutForCustomer(client, checkout))) {
    checkout = (await getCheckout(client, cartId)) ?? checkout
  }

  const missing = missingForPayment(checkout)
  const detailsComplete = missing.length === 0 && checkout.klarnaPaymentMethodId !== null
  // Anything Klarna must be told about, and the state of the Klarna payment itself (gone, out of date, already
  // authorized): when it changes, the widget asks the server for a session it can authorize.
  const klarnaPayment = checkout.klarnaPayment
  const sessionKey = [
    checkout.totalCents,
    checkout.customerEmail,
    checkout.billingAddress?.countryCode,
    checkout.shippingMethodId,
    klarnaPayment?.id,
    klarnaPayment?.mismatchedAmounts,
    klarnaPayment?.hasAuthToken,
  ].join('|')

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <div>
        <h1 className="mb-8 text-2xl font-semibold">Checkout</h1>
        <CheckoutDetailsForm
          email={customer?.email ?? checkout.customerEmail}
          emailFixed={customer !== null}
          billing={checkout.billingAddress}
          shipping={checkout.shippingAddress}
          shippingOptions={checkout.shippingOptions}
          shippingMethodId={checkout.shippingMethodId}
          currency={checkout.currency}
          countries={checkout.countries}
          complete={missing.length === 0}
        />
        <section aria-labelledby="payment-heading" className="mt-10 border-t border-stone-200 pt-10">
          <h2 id="payment-heading" className="text-lg font-semibold">
            Payment
          </h2>
          <div className="mt-4 max-w-md">
            <PaymentOptions
              savedSources={customer ? checkout.savedSources : []}
              totalCents={checkout.totalCents}
              currency={checkout.currency}
              libraryUrl={env().klarna.libraryUrl}
              detailsComplete={detailsComplete}
              sessionKey={sessionKey}
              canSaveToWallet={customer !== null}
            />
          </div>
        </section>
      </div>
      <aside className="lg:sticky lg:top-24 lg:h-fit">
        <OrderSummary checkout={checkout} />
      </aside>
    </div>
  )
}
