import { marketCatalogue, openCatalogue } from '../access'
import { belongsTo, hasMany } from '../jsonapi/relationships'
import { attr, commonAttributes, money } from '../jsonapi/resource'
import { formatMoney } from '../money'
import type { ResourceDef } from '../api'

/** The catalogue: read-only for sales channels, as in Commerce Layer. */

const filterSort = { filter: true, sort: true }

export const markets: ResourceDef = {
  type: 'markets',
  table: 'cl_markets',
  attributes: {
    number: attr.integer('number', filterSort),
    name: attr.string('name', filterSort),
    code: attr.string('code', filterSort),
    facebook_pixel_id: attr.fixed(null),
    checkout_url: attr.fixed(null),
    external_prices_url: attr.fixed(null),
    external_order_validation_url: attr.fixed(null),
    private: attr.fixed(false, 'boolean'),
    shipping_cost_cutoff: attr.fixed(null, 'integer'),
    disabled_at: attr.datetime('disabled_at'),
    ...commonAttributes(),
  },
  relationships: { price_list: belongsTo('price_lists', 'price_list_id') },
  // A sales channel token sees the market of its scope.
  listScope: (call) => ({ where: 'id = ?', params: [call.caller.marketId] }),
  canRead: (call, row) => row.id === call.caller.marketId,
}

export const priceLists: ResourceDef = {
  type: 'price_lists',
  table: 'cl_price_lists',
  attributes: {
    name: attr.string('name', filterSort),
    code: attr.string('code', filterSort),
    currency_code: attr.string('currency_code', filterSort),
    tax_included: attr.boolean('tax_included', filterSort),
    ...commonAttributes(),
  },
  relationships: { prices: hasMany('prices', 'price_list_id') },
  listScope: (call) => ({
    where: 'id = (SELECT price_list_id FROM cl_markets WHERE id = ?)',
    params: [call.caller.marketId],
  }),
  canRead: (call, row) =>
    call.api.store.get('SELECT 1 FROM cl_markets WHERE id = ? AND price_list_id = ?', call.caller.marketId, row.id) !==
    undefined,
}

export const skus: ResourceDef = {
  type: 'skus',
  table: 'cl_skus_with_stock',
  attributes: {
    code: attr.string('code', filterSort),
    name: attr.string('name', filterSort),
    description: attr.string('description', { filter: true }),
    image_url: attr.url('image_url', { filter: true }),
    pieces_per_pack: attr.integer('pieces_per_pack'),
    weight: attr.float('weight'),
    unit_of_weight: attr.string('unit_of_weight'),
    hs_tariff_number: attr.string('hs_tariff_number'),
    do_not_ship: attr.boolean('do_not_ship', filterSort),
    do_not_track: attr.boolean('do_not_track', filterSort),
    // Commerce Layer computes this on a single SKU only; the sandbox shows it in lists too (see README).
    inventory: attr.computed((row) => {
      const quantity = Number(row.stock_quantity ?? 0)
      return { available: quantity > 0, quantity, levels: [{ quantity, delivery_lead_times: [] }] }
    }, 'object'),
    ...commonAttributes(),
  },
  relationships: {
    prices: hasMany('prices', 'sku_id'),
    stock_items: hasMany('stock_items', 'sku_id'),
  },
  ...openCatalogue(),
}

export const prices: ResourceDef = {
  type: 'prices',
  table: 'cl_prices',
  attributes: {
    currency_code: attr.string('currency_code'),
    sku_code: attr.string('sku_code', { filter: true }),
    ...money('amount'),
    original_amount_cents: attr.computed((row) => row.amount_cents, 'integer'),
    formatted_original_amount: attr.computed(
      (row) => formatMoney(row.amount_cents as number, String(row.currency_code)),
      'string',
    ),
    ...money('compare_at_amount'),
    processed_at: attr.fixed(null, 'datetime'),
    rules: attr.fixed(null, 'object'),
    rule_outcomes: attr.fixed(null, 'object'),
    ...commonAttributes(),
  },
  relationships: {
    price_list: belongsTo('price_lists', 'price_list_id'),
    sku: belongsTo('skus', 'sku_id'),
  },
  // The prices of the market's price list, as a sales channel sees them.
  listScope: (call) => ({
    where: 'price_list_id = (SELECT price_list_id FROM cl_markets WHERE id = ?)',
    params: [call.caller.marketId],
  }),
  canRead: (call, row) =>
    call.api.store.get(
      'SELECT 1 FROM cl_markets WHERE id = ? AND price_list_id = ?',
      call.caller.marketId,
      row.price_list_id,
    ) !== undefined,
}

export const stockItems: ResourceDef = {
  type: 'stock_items',
  table: 'cl_stock_items',
  attributes: {
    sku_code: attr.string('sku_code', { filter: true }),
    quantity: attr.integer('quantity', filterSort),
    ...commonAttributes(),
  },
  relationships: {
    stock_location: belongsTo('stock_locations', 'stock_location_id'),
    sku: belongsTo('skus', 'sku_id'),
  },
  ...openCatalogue(),
}

export const shippingMethods: ResourceDef = {
  type: 'shipping_methods',
  table: 'cl_shipping_methods',
  attributes: {
    name: attr.string('name', filterSort),
    scheme: attr.string('scheme', filterSort),
    currency_code: attr.string('currency_code', filterSort),
    ...money('price_amount'),
    ...money('free_over_amount'),
    use_subtotal: attr.boolean('use_subtotal'),
    ...money('price_amount_for_shipment', { cents: (row) => row.price_amount_cents as number }),
    min_weight: attr.fixed(null, 'float'),
    max_weight: attr.fixed(null, 'float'),
    unit_of_weight: attr.fixed(null),
    disabled_at: attr.datetime('disabled_at'),
    ...commonAttributes(),
  },
  relationships: { market: belongsTo('markets', 'market_id') },
  ...marketCatalogue(),
}

export const paymentMethods: ResourceDef = {
  type: 'payment_methods',
  table: 'cl_payment_methods',
  attributes: {
    name: attr.string('name', filterSort),
    payment_source_type: attr.string('payment_source_type', filterSort),
    currency_code: attr.string('currency_code', filterSort),
    moto: attr.boolean('moto'),
    require_capture: attr.boolean('require_capture'),
    auto_place: attr.boolean('auto_place'),
    auto_capture: attr.boolean('auto_capture'),
    ...money('price_amount'),
    disabled_at: attr.datetime('disabled_at'),
    ...commonAttributes(),
  },
  relationships: {
    market: belongsTo('markets', 'market_id'),
    payment_gateway: belongsTo('payment_gateways', 'payment_gateway_id'),
  },
  ...marketCatalogue(),
}

const gatewayAttributes = {
  name: attr.string('name', filterSort),
  force_payments: attr.boolean('force_payments'),
  disabled_at: attr.datetime('disabled_at'),
  ...commonAttributes(),
}

/** Every payment gateway, whatever its kind (the polymorphic target of payment_gateway relationships). */
export const paymentGateways: ResourceDef = {
  type: 'payment_gateways',
  table: 'cl_payment_gateways',
  attributes: gatewayAttributes,
  relationships: { payment_methods: hasMany('payment_methods', 'payment_gateway_id') },
  ...openCatalogue(),
}

/** The Klarna gateways among them. Their credentials are write-only in Commerce Layer and never shown. */
export const klarnaGateways: ResourceDef = {
  type: 'klarna_gateways',
  table: 'cl_payment_gateways',
  attributes: gatewayAttributes,
  relationships: { payment_methods: hasMany('payment_methods', 'payment_gateway_id') },
  listScope: () => ({ where: "gateway_type = 'klarna_gateways'", params: [] }),
  canRead: (_call, row) => row.gateway_type === 'klarna_gateways',
}
