export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading your cart…</p>
      <div className="h-8 w-40 animate-pulse rounded bg-stone-200" />
      <div className="mt-6 space-y-6">
        {Array.from({ length: 2 }, (_, index) => (
          <div key={index} className="flex gap-4">
            <div className="size-24 animate-pulse rounded-xl bg-stone-200" />
            <div className="h-6 flex-1 animate-pulse rounded bg-stone-200" />
          </div>
        ))}
      </div>
    </div>
  )
}
