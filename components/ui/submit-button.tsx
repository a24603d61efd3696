'use client'

import { useFormStatus } from 'react-dom'
import { Spinner } from './spinner'
import type { ReactNode } from 'react'

const VARIANTS = {
  primary: 'bg-brand text-white hover:bg-brand-dark disabled:bg-stone-400',
  secondary: 'border border-stone-300 bg-white text-ink hover:border-stone-500 disabled:text-stone-400',
  link: 'text-ink-soft underline underline-offset-4 hover:text-ink disabled:text-stone-400',
} as const

/**
 * A form's submit button that is disabled with a spinner while its form is being submitted,
 * so a double click cannot send the same action twice.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  className = '',
  disabled = false,
  ...rest
}: {
  children: ReactNode
  pendingLabel?: string
  variant?: keyof typeof VARIANTS
  className?: string
  disabled?: boolean
  name?: string
  value?: string
  'aria-label'?: string
}) {
  const { pending } = useFormStatus()
  const padding = variant === 'link' ? '' : 'rounded-full px-5 py-3'
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      className={`inline-flex items-center justify-center gap-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed ${padding} ${VARIANTS[variant]} ${className}`}
      {...rest}
    >
      {pending && <Spinner />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  )
}
