import { openCatalogue, orderChild } from '../access'
import { belongsTo, hasMany } from '../jsonapi/relationships'
import { attr, commonAttributes } from '../jsonapi/resource'
import type { RelationshipDef, ResourceDef, Row } from '../api'

/**
 * Where the goods of a shipment come from, as Commerce Layer's own checkout reads them
 * (`shipments.stock_location`, `shipments.stock_line_items.line_item`, `shipments.stock_transfers.line_item`,
 * `GET /api/delivery_lead_times`). The sandbox has one stock location, which ships every order; a stock line item
 * is a shipment's SKU line (same id as its line item); it never transfers stock, so stock transfers are none.
 */

const filterSort = { filter: true, sort: true }

export const stockLocations: ResourceDef = {
  type: 'stock_locations',
  table: 'cl_stock_locations',
  attributes: {
    // Commerce Layer numbers stock locations in order; the sandbox has one.
    number: attr.fixed(1, 'integer'),
    name: attr.string('name', filterSort),
    code: attr.string('code', filterSort),
    label_format: attr.fixed('PDF'),
    suppress_etd: attr.fixed(false, 'boolean'),
    ...commonAttributes(),
  },
  relationships: {
    stock_items: hasMany('stock_items', 'stock_location_id'),
    stock_transfers: hasMany('stock_transfers', 'origin_stock_location_id'),
  },
  ...openCatalogue(),
}

/** The stock location a shipment leaves from: the sandbox's one (the first, should there ever be more). */
export const shipmentStockLocation: RelationshipDef = {
  many: false,
  types: ['stock_locations'],
  load(call, shipments) {
    const location = call.api.store.get<Row>('SELECT * FROM cl_stock_locations ORDER BY rowid LIMIT 1')
    return new Map(
      shipments.map((shipment) => [shipment.id, location ? { type: 'stock_locations', row: location } : null]),
    )
  },
}

export const stockLineItems: ResourceDef = {
  type: 'stock_line_items',
  table: 'cl_stock_line_items',
  attributes: {
    sku_code: attr.string('sku_code', { filter: true }),
    bundle_code: attr.fixed(null),
    quantity: attr.integer('quantity', { filter: true }),
    name: attr.string('name'),
    image_url: attr.url('image_url'),
    ...commonAttributes(),
  },
  relationships: {
    shipment: belongsTo('shipments', 'shipment_id'),
    line_item: belongsTo('line_items', 'line_item_id'),
    stock_item: belongsTo('stock_items', 'stock_item_id'),
    sku: belongsTo('skus', 'sku_id'),
  },
  ...orderChild(),
}

export const stockTransfers: ResourceDef = {
  type: 'stock_transfers',
  table: 'cl_stock_transfers',
  attributes: {
    number: attr.string('number', filterSort),
    sku_code: attr.string('sku_code', { filter: true }),
    status: attr.string('status', filterSort),
    quantity: attr.integer('quantity', filterSort),
    on_hold_at: attr.datetime('on_hold_at'),
    picking_at: attr.datetime('picking_at'),
    in_transit_at: attr.datetime('in_transit_at'),
    completed_at: attr.datetime('completed_at'),
    cancelled_at: attr.datetime('cancelled_at'),
    ...commonAttributes(),
  },
  relationships: {
    sku: belongsTo('skus', 'sku_id'),
    origin_stock_location: belongsTo('stock_locations', 'origin_stock_location_id'),
    destination_stock_location: belongsTo('stock_locations', 'destination_stock_location_id'),
    shipment: belongsTo('shipments', 'shipment_id'),
    line_item: belongsTo('line_items', 'line_item_id'),
  },
  ...orderChild(),
}

/** How long each shipping method takes from the stock location: the days the seed gives each method. */
export const deliveryLeadTimes: ResourceDef = {
  type: 'delivery_lead_times',
  table: 'cl_delivery_lead_times',
  attributes: {
    min_hours: attr.integer('min_hours', filterSort),
    max_hours: attr.integer('max_hours', filterSort),
    min_days: attr.integer('min_days'),
    max_days: attr.integer('max_days'),
    ...commonAttributes(),
  },
  relationships: {
    stock_location: belongsTo('stock_locations', 'stock_location_id'),
    shipping_method: belongsTo('shipping_methods', 'shipping_method_id'),
  },
  ...openCatalogue(),
}
