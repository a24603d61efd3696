import { redirect } from 'next/navigation'
import { CheckoutDetailsForm } from '@/components/checkout/checkout-details-form'
import { CompactCheckout } from '@/components/checkout/compact-checkout'
import { OrderSummary } from '@/components/checkout/order-summary'
import { PaymentOptions } from '@/components/checkout/payment-options'
import { getCheckout, missingForPayment } from '@/lib/commerce-layer/checkout'
import { startCheckoutForCustomer } from '@/lib/commerce-layer/checkout-start'
import { env } from '@/lib/env'
import { formatMoney } from '@/lib/money'
import { currentShopper, readCartId } from '@/lib/shopper'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Checkout' }

export default async function CheckoutPage() {
  const cartId = await readCartId()
  if (!cartId) redirect('/cart')
  const { client, customer } = await currentShopper()
  // A signed-in customer's address book comes with the order: checkout starts from it with no read of its own.
  let checkout = await getCheckout(client, cartId, { withSavedAddresses: customer !== null })
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

  const details = {
    email: customer?.email ?? checkout.customerEmail,
    emailFixed: customer !== null,
    billing: checkout.billingAddress,
    shipping: checkout.shippingAddress,
    shippingOptions: checkout.shippingOptions,
    shippingMethodId: checkout.shippingMethodId,
    currency: checkout.currency,
    countries: checkout.countries,
    complete: missing.length === 0,
  }
  const payment = {
    savedSources: customer ? checkout.savedSources : [],
    totalCents: checkout.totalCents,
    currency: checkout.currency,
    libraryUrl: env().klarna.libraryUrl,
    detailsComplete,
    sessionKey,
    canSaveToWallet: customer !== null,
  }
  // A returning customer whose order has everything sees what will happen in three lines and pays at once.
  const compact = detailsComplete && payment.savedSources.length > 0
  const method = checkout.shippingOptions.find((option) => option.id === checkout.shippingMethodId)
  const delivery = method
    ? `${method.name} · ${method.priceCents === 0 ? 'Free' : formatMoney({ cents: method.priceCents, currency: checkout.currency })}`
    : '—'

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <div>
        <h1 className={`${compact ? 'mb-4' : 'mb-8'} text-2xl font-semibold`}>Checkout</h1>
        {compact ? (
          <div className="max-w-xl">
            <CompactCheckout details={details} payment={payment} delivery={delivery} />
          </div>
        ) : (
          <>
            <CheckoutDetailsForm {...details} />
            <section aria-labelledby="payment-heading" className="mt-10 border-t border-stone-200 pt-10">
              <h2 id="payment-heading" className="text-lg font-semibold">
                Payment
              </h2>
              <div className="mt-4 max-w-md">
                <PaymentOptions {...payment} />
              </div>
            </section>
          </>
        )}
      </div>
      <aside className="lg:sticky lg:top-24 lg:h-fit">
        <OrderSummary checkout={checkout} />
      </aside>
    </div>
  )
}
