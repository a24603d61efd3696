import { openCatalogue, orderChild } from '../access'
import { belongsTo } from '../jsonapi/relationships'
import { attr, commonAttributes, money } from '../jsonapi/resource'
import type { ResourceDef } from '../api'

/**
 * SKU options (engraving, gift wrap) and the line item options that choose them. The sandbox's catalogue has none,
 * so both lists are empty; they exist so that `include=line_items.line_item_options.sku_option`, which Commerce
 * Layer's components send with every order read, is answered as Commerce Layer answers it for such a catalogue.
 */

export const skuOptions: ResourceDef = {
  type: 'sku_options',
  table: 'cl_sku_options',
  attributes: {
    name: attr.string('name', { filter: true, sort: true }),
    currency_code: attr.string('currency_code', { filter: true }),
    description: attr.string('description'),
    ...money('price_amount'),
    delay_hours: attr.integer('delay_hours'),
    delay_days: attr.integer('delay_days'),
    sku_code_regex: attr.string('sku_code_regex'),
    ...commonAttributes(),
  },
  relationships: { market: belongsTo('markets', 'market_id') },
  ...openCatalogue(),
}

export const lineItemOptions: ResourceDef = {
  type: 'line_item_options',
  table: 'cl_line_item_options',
  attributes: {
    name: attr.string('name', { filter: true }),
    quantity: attr.integer('quantity'),
    currency_code: attr.string('currency_code'),
    ...money('unit_amount'),
    ...money('total_amount'),
    delay_hours: attr.integer('delay_hours'),
    delay_days: attr.integer('delay_days'),
    options: attr.json('options', {}),
    ...commonAttributes(),
  },
  relationships: {
    line_item: belongsTo('line_items', 'line_item_id'),
    sku_option: belongsTo('sku_options', 'sku_option_id'),
  },
  ...orderChild(),
}
