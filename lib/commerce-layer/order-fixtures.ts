/** Pieces of Commerce Layer orders, as the SDK hands them over, shared by the unit tests of lib/commerce-layer. */

export const ITALIAN_ADDRESS = {
  first_name: 'Giulia',
  last_name: 'Bianchi',
  line_1: 'Via Torino 5',
  city: 'Milano',
  zip_code: '20123',
  country_code: 'IT',
  phone: '+39 02 1234567',
}

/** The shipment's cost, as Commerce Layer lists it among the line items. */
export const EXPRESS_SHIPPING_LINE = {
  id: 'li2',
  item_type: 'shipments',
  name: 'Express',
  quantity: 1,
  unit_amount_cents: 990,
  total_amount_cents: 990,
  tax_amount_cents: 179,
  tax_rate: 0.22,
}
