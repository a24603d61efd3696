/**
 * The cache tags of the catalogue (lib/commerce-layer/catalog.ts), one place for the names that the cached reads
 * carry and the webhook route revalidates. Each starts with the market scope and the sales channel, so that two
 * shops sharing one cache (Redis) never revalidate or read each other's catalogue.
 */
export type CatalogScope = { clientId: string; marketScope: string }

const prefix = ({ clientId, marketScope }: CatalogScope) => `catalog:${clientId}:${marketScope}`

export const catalogTags = {
  /** Every cached catalogue read of the shop: what a change we cannot place revalidates. */
  all: (scope: CatalogScope) => prefix(scope),
  /** The product grid (the first page of SKUs). */
  list: (scope: CatalogScope) => `${prefix(scope)}:list`,
  /** One product page, by SKU code. */
  sku: (scope: CatalogScope, code: string) => `${prefix(scope)}:sku:${code}`,
}
