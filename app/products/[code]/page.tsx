import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { buyNowOfferFor } from '@/components/buy-now/buy-now-offer'
import { AddToCartForm } from '@/components/cart/add-to-cart-form'
import { Price } from '@/components/catalog/price'
import { ProductImage } from '@/components/catalog/product-image'
import { getProduct } from '@/lib/commerce-layer/catalog'
import { env } from '@/lib/env'
import { currentShopper } from '@/lib/shopper'
import type { Metadata } from 'next'

type Props = { params: Promise<{ code: string }> }

// One cached read per page view, shared by the metadata and the page.
const loadProduct = cache(async (code: string) => getProduct(code))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct(decodeURIComponent((await params).code))
  return product ? { title: product.name, description: product.description } : { title: 'Product not found' }
}

export default async function ProductPage({ params }: Props) {
  const [product, buyNow] = await Promise.all([
    loadProduct(decodeURIComponent((await params).code)),
    currentShopper().then(buyNowOfferFor),
  ])
  if (!product) notFound()

  return (
    <article className="grid gap-8 md:grid-cols-2 md:gap-12">
      <ProductImage src={product.imageUrl} alt={product.name} priority />
      <div>
        <Link href="/" className="text-sm text-ink-soft underline-offset-4 hover:underline">
          ← All products
        </Link>
        <h1 className="mt-3 text-3xl font-semibold tracking-tight">{product.name}</h1>
        {product.price && <Price {...product.price} className="mt-2 block text-xl font-semibold" />}
        <p className="mt-1 text-sm text-ink-soft">VAT included</p>
        <p className="mt-6 leading-relaxed">{product.description}</p>
        <AddToCartForm
          skuCode={product.code}
          stockQuantity={product.stockQuantity}
          price={product.price}
          buyNow={buyNow}
          messaging={env().klarna.messaging}
        />
      </div>
    </article>
  )
}
