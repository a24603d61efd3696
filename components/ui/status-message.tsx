/**
 * The result of an action, announced to screen readers (aria-live) and shown in words.
 * Rendered even when empty, so the live region exists before the first message arrives.
 */
export function StatusMessage({
  status,
  message,
  className = '',
}: {
  status: 'idle' | 'success' | 'error'
  message: string
  className?: string
}) {
  const tone = status === 'error' ? 'text-red-700' : 'text-brand'
  return (
    <p role="status" aria-live="polite" className={`min-h-5 text-sm ${tone} ${className}`}>
      {message}
    </p>
  )
}
