import CredentialsProvider from 'next-auth/providers/credentials'
import { clientAddress } from '@/lib/client-address'
import { env } from '@/lib/env'
import { type CustomerTokens } from './customer-token'
import { SESSION_MAX_AGE_SECONDS } from './session-cookie'
import { signInWithPassword } from './sign-in'
import type { NextAuthOptions } from 'next-auth'

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string }
  }
  interface User {
    id: string
    email: string
    tokens: CustomerTokens
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    tokens?: CustomerTokens
    /** Epoch milliseconds of the sign-in: the session ends SESSION_MAX_AGE_SECONDS after it, however active. */
    signedInAt?: number
  }
}

/**
 * next-auth with one Credentials provider that trades an email and password for a Commerce Layer customer
 * token (the `password` grant). The tokens live only in next-auth's encrypted JWT cookie; refreshing them is
 * the proxy's job (proxy.ts), because only there can the rotated tokens be written back reliably.
 */
export const authOptions: NextAuthOptions = {
  secret: env().authSecret,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      authorize(credentials, request) {
        const forwardedFor = request?.headers?.['x-forwarded-for'] as string | undefined
        return signInWithPassword(credentials, clientAddress(forwardedFor))
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id
        token.email = user.email
        token.tokens = user.tokens
        token.signedInAt = Date.now()
      }
      return token
    },
    session({ session, token }) {
      // What the browser can read: who is signed in. Never a Commerce Layer token.
      return {
        expires: session.expires,
        user: { id: token.tokens?.customerId ?? token.sub ?? '', email: token.tokens?.email ?? token.email ?? '' },
      }
    },
  },
}
