import { AccountNav } from './account-nav'

/** The top of every account page: whose account, and the way between its pages. */
export function AccountHeader({
  email,
  current,
}: {
  email: string
  current: Parameters<typeof AccountNav>[0]['current']
}) {
  return (
    <>
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="mt-1 mb-6 text-ink-soft">Signed in as {email}</p>
      <AccountNav current={current} />
    </>
  )
}
