import Link from 'next/link'
import { CartLineItem } from '@/components/cart/cart-line-item'
import { KlarnaMessaging } from '@/components/klarna'
import { env } from '@/lib/env'
import { formatMoney } from '@/lib/money'
import { currentCart } from '@/lib/shopper'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Your cart' }

export default async function CartPage() {
  const cart = await currentCart()

  const messaging = env().klarna.messaging
  if (!cart || cart.lines.length === 0) {
    return (
      <section className="mx-auto max-w-md py-16 text-center">
        <h1 className="text-2xl font-semibold">Your cart is empty</h1>
        <p className="mt-2 text-ink-soft">Find something you like, and it will wait for you here.</p>
        <Link
          href="/"
          className="mt-6 inline-flex rounded-full bg-brand px-6 py-3 text-sm font-semibold text-white hover:bg-brand-dark"
        >
          Continue shopping
        </Link>
      </section>
    )
  }

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="cart-heading">
        <h1 id="cart-heading" className="text-2xl font-semibold">
          Your cart
        </h1>
        <ul className="mt-4 divide-y divide-stone-200 border-y border-stone-200">
          {cart.lines.map((line) => (
            <CartLineItem key={line.id} line={line} currency={cart.currency} />
          ))}
        </ul>
      </section>
      <aside aria-labelledby="summary-heading" className="h-fit rounded-2xl border border-stone-200 bg-white p-6">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Summary
        </h2>
        <dl className="mt-4 flex justify-between text-base">
          <dt>Subtotal</dt>
          <dd className="font-semibold" data-testid="cart-subtotal">
            {formatMoney({ cents: cart.subtotalCents, currency: cart.currency })}
          </dd>
        </dl>
        <p className="mt-1 text-sm text-ink-soft">VAT included. Shipping is chosen at checkout.</p>
        {messaging && <KlarnaMessaging config={messaging} amountCents={cart.subtotalCents} className="mt-4" />}
        <Link
          href="/checkout"
          className="mt-6 flex h-12 items-center justify-center rounded-full bg-brand text-sm font-semibold text-white hover:bg-brand-dark"
        >
          Checkout
        </Link>
      </aside>
    </div>
  )
}
