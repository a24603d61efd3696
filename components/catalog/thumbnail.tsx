/** A small product picture for lists (cart, order summary); decorative, since the name is beside it. */
export function Thumbnail({ src, className }: { src: string | null; className: string }) {
  return (
    <div className={`relative shrink-0 overflow-hidden bg-stone-100 ${className}`}>
      {src && (
        // eslint-disable-next-line @next/next/no-img-element -- SVGs or the image CDN's own sizes: nothing to optimise
        <img
          src={src}
          alt=""
          width={96}
          height={96}
          loading="lazy"
          decoding="async"
          className="size-full object-cover"
        />
      )}
    </div>
  )
}
