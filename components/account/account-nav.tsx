import Link from 'next/link'

const LINKS = [
  { href: '/account', label: 'Overview' },
  { href: '/account/orders', label: 'Orders' },
  { href: '/account/wallet', label: 'Wallet' },
] as const

export function AccountNav({ current }: { current: (typeof LINKS)[number]['href'] }) {
  return (
    <nav aria-label="Account" className="mb-8 flex gap-2 border-b border-stone-200">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.href === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${link.href === current ? 'border-brand text-ink' : 'border-transparent text-ink-soft hover:text-ink'}`}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  )
}
