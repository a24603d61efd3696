import Link from 'next/link'
import { currentCustomer } from '@/lib/auth/session'
import { SignOutButton } from './sign-out-button'

/** The header's account corner: "Sign in", or the customer's email (to their account) and "Sign out". */
export async function AccountMenu() {
  const customer = await currentCustomer()
  if (!customer) {
    return (
      <Link href="/signin" className="rounded-full px-3 py-2 text-sm font-medium hover:bg-stone-100">
        Sign in
      </Link>
    )
  }
  return (
    <>
      <Link href="/account" className="max-w-64 truncate rounded-full px-3 py-2 text-sm font-medium hover:bg-stone-100">
        <span className="hidden sm:inline" data-testid="account-email">
          {customer.email}
        </span>
        <span className="sm:hidden">Account</span>
      </Link>
      <SignOutButton />
    </>
  )
}
