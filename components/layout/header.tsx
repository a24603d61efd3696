import Link from 'next/link'
import { CartCountLink } from '@/components/cart'

export function Header({ accountSlot }: { accountSlot?: React.ReactNode }) {
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:px-6">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight whitespace-nowrap"
        >
          <svg className="size-7 text-brand" viewBox="0 0 32 32" aria-hidden="true">
            <circle cx="16" cy="16" r="15" fill="currentColor" />
            <path
              d="M10 18c2 5 10 5 12 0M12 13h.01M20 13h.01"
              stroke="white"
              strokeWidth="2.2"
              strokeLinecap="round"
              fill="none"
            />
          </svg>
          Fika Home
        </Link>
        <nav aria-label="Main" className="flex shrink-0 items-center gap-1 sm:gap-2">
          {accountSlot}
          <CartCountLink />
        </nav>
      </div>
    </header>
  )
}
