// Shown while the product grid loads: the page's shape, so nothing jumps when it arrives.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading products…</p>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <li key={index}>
            <div className="aspect-square animate-pulse rounded-2xl bg-stone-200" />
            <div className="mt-3 h-4 w-3/4 animate-pulse rounded bg-stone-200" />
          </li>
        ))}
      </ul>
    </div>
  )
}
