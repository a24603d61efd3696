import Link from 'next/link'
import type { Product } from '@/lib/commerce-layer/catalog'
import { Price } from './price'
import { ProductImage } from './product-image'

export function ProductCard({ product, priority }: { product: Product; priority: boolean }) {
  const outOfStock = product.stockQuantity <= 0
  // No prefetch: the grid would render every product page (a Commerce Layer request each) before the shopper
  // chose one, competing with the page's own first paint; a product page renders fast on demand.
  return (
    <li className="group">
      <Link
        href={`/products/${encodeURIComponent(product.code)}`}
        prefetch={false}
        className="block rounded-2xl focus-visible:outline-offset-4"
      >
        <ProductImage src={product.imageUrl} alt="" priority={priority} />
        <div className="mt-3 flex items-start justify-between gap-2">
          <h3 className="text-sm font-medium group-hover:underline sm:text-base">{product.name}</h3>
          {product.price && <Price {...product.price} className="shrink-0 text-sm font-semibold sm:text-base" />}
        </div>
        {outOfStock && <p className="mt-1 text-sm font-medium text-red-700">Out of stock</p>}
      </Link>
    </li>
  )
}
