import { signOutAction } from './actions'

/** A form, so signing out works before (and without) any JavaScript, and adds none to the page. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-full px-3 py-2 text-sm font-medium hover:bg-stone-100">
        Sign out
      </button>
    </form>
  )
}
