import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { AuthError, requestToken } from '@/lib/commerce-layer/token'
import { env } from '@/lib/env'
import { tokensFromGrant, type CustomerTokens } from './customer-token'
import { SIGN_IN_UNAVAILABLE } from './messages'
import { SESSION_MAX_AGE_SECONDS } from './session-cookie'
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
  }
}

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) })

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
      async authorize(credentials) {
        const input = credentialsSchema.safeParse(credentials)
        if (!input.success) return null
        const email = input.data.email.toLowerCase()
        try {
          const grant = await requestToken({ grant_type: 'password', username: email, password: input.data.password })
          const tokens = tokensFromGrant(grant, email)
          return { id: tokens.customerId, email, tokens }
        } catch (error) {
          // Wrong credentials are a refusal; anything else means the store could not be asked, which the
          // sign-in form must not present as a wrong password.
          if (error instanceof AuthError && error.status < 500) return null
          console.error('Sign-in failed:', error)
          throw new Error(SIGN_IN_UNAVAILABLE)
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id
        token.email = user.email
        token.tokens = user.tokens
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
