/**
 * A product picture on a soft square. A plain <img>: the pictures are SVGs (or the image CDN's own sizes with
 * the real Commerce Layer), so next/image would only add its client code to every catalog page.
 */
export function ProductImage({ src, alt, priority = false }: { src: string | null; alt: string; priority?: boolean }) {
  return (
    <div className="relative aspect-square overflow-hidden rounded-2xl bg-stone-100">
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- see above: the optimiser has nothing to do here
        <img
          src={src}
          alt={alt}
          width={400}
          height={400}
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : 'auto'}
          decoding="async"
          className="size-full object-cover"
        />
      ) : (
        <div className="flex h-full items-center justify-center text-sm text-ink-soft">No picture yet</div>
      )}
    </div>
  )
}
