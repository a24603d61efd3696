import Image from 'next/image'

/** A product picture on a soft square; SVGs and remote images are served as they are (no optimiser). */
export function ProductImage({ src, alt, priority = false, sizes }: { src: string | null; alt: string; priority?: boolean; sizes: string }) {
  return (
    <div className="relative aspect-square overflow-hidden rounded-2xl bg-stone-100">
      {src ? (
        <Image src={src} alt={alt} fill sizes={sizes} priority={priority} unoptimized className="object-cover" />
      ) : (
        <div className="flex h-full items-center justify-center text-sm text-ink-soft">No picture yet</div>
      )}
    </div>
  )
}
