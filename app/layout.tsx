import { AccountMenu } from '@/components/account/account-menu'
import { CartCountProvider } from '@/components/cart'
import { DeveloperButton } from '@/components/developer/developer-button'
import { Footer } from '@/components/layout/footer'
import { Header } from '@/components/layout/header'
import { env } from '@/lib/env'
import { cartItemCount } from '@/lib/shopper'
import type { Metadata, Viewport } from 'next'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Fika Home', template: '%s · Fika Home' },
  description: 'A demo shop: pay with Klarna, save it to your wallet, and pay with one click next time.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f5132' }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        {/* The header's cart count, which the cart's forms move at once while their action runs. */}
        <CartCountProvider count={await cartItemCount()}>
          <Header accountSlot={<AccountMenu />} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
        </CartCountProvider>
        {/* The Developer panel: with the sandbox by default, with real credentials only when SHOW_API_LOG=1. */}
        <Footer>{env().showApiLog && <DeveloperButton />}</Footer>
      </body>
    </html>
  )
}
