import { useId } from 'react'

/** A labelled input with its error beside it, wired for screen readers (aria-invalid, aria-describedby). */
export function TextField({
  label,
  name,
  error,
  hint,
  className = '',
  ...input
}: {
  label: string
  name: string
  error?: string
  hint?: string
  className?: string
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 h-12 w-full rounded-xl border bg-white px-3 text-base ${error ? 'border-red-600' : 'border-stone-300'}`}
        {...input}
      />
      {hint && !error && (
        <p id={hintId} className="mt-1 text-sm text-ink-soft">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
