'use client'

import dynamic from 'next/dynamic'
import { useRef, useState } from 'react'

// The panel's code (and its list rendering) is fetched when it is first wanted, never with the page: on hover or
// focus of the button, so that it is usually there by the time of the click.
const preloadPanel = () => void import('./developer-panel')
const DeveloperPanel = dynamic(() => import('./developer-panel').then((panel) => panel.DeveloperPanel), { ssr: false })

/** The footer's "Developer" button: opens the list of the Commerce Layer requests this browser caused. */
export function DeveloperButton() {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)

  function close() {
    setOpen(false)
    // Back where the developer was, as a dialog should leave it.
    buttonRef.current?.focus()
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        onPointerEnter={preloadPanel}
        onFocus={preloadPanel}
        className="inline-flex min-h-10 items-center gap-2 self-start rounded-full border border-stone-300 px-4 text-sm font-medium text-ink hover:border-stone-500"
      >
        <svg
          className="size-4"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="m8 8-4 4 4 4M16 8l4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Developer
      </button>
      {open && <DeveloperPanel onClose={close} />}
    </>
  )
}
