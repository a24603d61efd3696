export default function Loading() {
  return (
    <div className="grid gap-8 md:grid-cols-2 md:gap-12" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading product…</p>
      <div className="aspect-square animate-pulse rounded-2xl bg-stone-200" />
      <div className="space-y-4">
        <div className="h-8 w-2/3 animate-pulse rounded bg-stone-200" />
        <div className="h-6 w-24 animate-pulse rounded bg-stone-200" />
        <div className="h-24 animate-pulse rounded bg-stone-200" />
      </div>
    </div>
  )
}
