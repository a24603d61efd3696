import { connection } from 'next/server'
import { preload } from 'react-dom'
import { ProductCard } from '@/components/catalog/product-card'
import { getProducts } from '@/lib/commerce-layer/catalog'

export default async function HomePage() {
  // Rendered per request (the header reads the session), from the cached catalogue: the build cannot reach
  // Commerce Layer, and a webhook, not a rebuild, says when prices or stock change.
  await connection()
  const products = await getProducts()
  // The first picture is among the page's largest paints: ask for it from the document's head, ahead of the scripts.
  const firstImage = products[0]?.imageUrl
  if (firstImage) preload(firstImage, { as: 'image', fetchPriority: 'high' })
  return (
    <>
      <h2 className="sr-only">Products</h2>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4">
        {products.map((product, index) => (
          <ProductCard key={product.id} product={product} priority={index < 2} />
        ))}
      </ul>
    </>
  )
}
