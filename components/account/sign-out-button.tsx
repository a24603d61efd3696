import { signOutAction } from './actions'

/** A form, so signing out works before (and without) any JavaScript, and adds none to the page. */
export function SignOutButton({
  className = 'rounded-full px-3 py-2 text-sm font-medium whitespace-nowrap hover:bg-stone-100',
}: {
  className?: string
}) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  )
}
