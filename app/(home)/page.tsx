import { ProductCard } from '@/components/catalog/product-card'
import { getProducts } from '@/lib/commerce-layer/catalog'
import { shopperClient } from '@/lib/shopper'
import { connection } from 'next/server'

export default async function HomePage() {
  // Rendered per request: prices and stock come from Commerce Layer, which the build cannot reach.
  await connection()
  const products = await getProducts(await shopperClient())
  return (
    <>
      <section className="mb-10 max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Slow mornings, well made.</h1>
        <p className="mt-3 text-ink-soft">
          Stoneware, linen and oak for the kitchen table. Pay with Klarna, keep it in your wallet, and check out with
          one click next time.
        </p>
      </section>
      <h2 className="sr-only">Products</h2>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4">
        {products.map((product, index) => (
          <ProductCard key={product.id} product={product} priority={index < 4} />
        ))}
      </ul>
    </>
  )
}
