import { z } from 'zod'
import { EMAIL_TOO_LONG, ENTER_EMAIL } from '@/lib/messages'

/** An email address as every form accepts it (sign-up, checkout): Commerce Layer keeps at most 254 characters. */
export const emailSchema = z.email(ENTER_EMAIL).max(254, EMAIL_TOO_LONG)
