import Link from 'next/link'
import { currentCustomer } from '@/lib/auth/session'
import { PhoneAccountMenu } from './phone-account-menu'
import { SignOutButton } from './sign-out-button'

const PHONE_LINK = 'block rounded-xl px-3 py-2 text-sm font-medium hover:bg-stone-100'

/**
 * The header's account corner: "Sign in", or the customer's email (to their account) and "Sign out"; on a phone
 * both fold into one "Account" button, so nothing in the header truncates or wraps.
 */
export async function AccountMenu() {
  const customer = await currentCustomer()
  if (!customer) {
    return (
      <Link
        href="/signin"
        className="rounded-full px-2.5 py-2 text-sm font-medium whitespace-nowrap hover:bg-stone-100 sm:px-3"
      >
        Sign in
      </Link>
    )
  }
  return (
    <>
      <div className="hidden items-center gap-1 sm:flex">
        <Link
          href="/account"
          className="max-w-64 truncate rounded-full px-3 py-2 text-sm font-medium hover:bg-stone-100"
          data-testid="account-email"
        >
          {customer.email}
        </Link>
        <SignOutButton />
      </div>
      <PhoneAccountMenu>
        <p className="px-3 py-2 text-xs break-all text-ink-soft">{customer.email}</p>
        <Link href="/account" className={PHONE_LINK}>
          Your account
        </Link>
        <Link href="/account/orders" className={PHONE_LINK}>
          Orders
        </Link>
        <Link href="/account/wallet" className={PHONE_LINK}>
          Wallet
        </Link>
        <SignOutButton className={`w-full text-left ${PHONE_LINK}`} />
      </PhoneAccountMenu>
    </>
  )
}
