import { SANDBOX_ORGANIZATION_SLUG } from '../seed-constants'
import { ORGANIZATION_ID } from './auth/tokens'
import type { Migration } from '../db/database'

/**
 * The Commerce Layer stand-in's tables. Money is integer cents; timestamps of resources are ISO strings with
 * milliseconds (what the API shows), internal instants are epoch milliseconds. JSON attributes are TEXT.
 * Columns that the API does not show (password hashes, Klarna credentials, placing markers) say so.
 * A committed migration is never edited (sandbox files may have applied it); changes come as new ones.
 */
const common = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  reference TEXT, reference_origin TEXT, metadata TEXT NOT NULL DEFAULT '{}'`

export const commerceLayerMigrations: readonly Migration[] = [
  {
    id: 'core-001-commerce-layer',
    sql: `
CREATE TABLE cl_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE cl_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

CREATE TABLE cl_price_lists (id TEXT PRIMARY KEY, name TEXT NOT NULL, code TEXT, currency_code TEXT NOT NULL,
  tax_included INTEGER NOT NULL, ${common});

-- tax_rate and default_country_code stand for the market's tax calculator and shipping zone, which the sandbox
-- does not expose as resources (see sandbox/README.md).
CREATE TABLE cl_markets (id TEXT PRIMARY KEY, number INTEGER NOT NULL, name TEXT NOT NULL, code TEXT UNIQUE,
  price_list_id TEXT NOT NULL REFERENCES cl_price_lists(id), tax_rate REAL NOT NULL, default_country_code TEXT NOT NULL,
  disabled_at TEXT, ${common});

CREATE TABLE cl_skus (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
  image_url TEXT, pieces_per_pack INTEGER, weight REAL, unit_of_weight TEXT, hs_tariff_number TEXT,
  do_not_ship INTEGER NOT NULL DEFAULT 0, do_not_track INTEGER NOT NULL DEFAULT 0, ${common});

CREATE TABLE cl_prices (id TEXT PRIMARY KEY, price_list_id TEXT NOT NULL REFERENCES cl_price_lists(id),
  sku_id TEXT NOT NULL REFERENCES cl_skus(id), sku_code TEXT NOT NULL, currency_code TEXT NOT NULL,
  amount_cents INTEGER NOT NULL, compare_at_amount_cents INTEGER, ${common});
CREATE UNIQUE INDEX cl_prices_list_sku ON cl_prices(price_list_id, sku_id);
CREATE INDEX cl_prices_sku ON cl_prices(sku_id);

CREATE TABLE cl_stock_locations (id TEXT PRIMARY KEY, name TEXT NOT NULL, code TEXT, ${common});
CREATE TABLE cl_stock_items (id TEXT PRIMARY KEY, stock_location_id TEXT NOT NULL REFERENCES cl_stock_locations(id),
  sku_id TEXT NOT NULL REFERENCES cl_skus(id), sku_code TEXT NOT NULL, quantity INTEGER NOT NULL, ${common});
CREATE UNIQUE INDEX cl_stock_items_location_sku ON cl_stock_items(stock_location_id, sku_id);
CREATE INDEX cl_stock_items_sku ON cl_stock_items(sku_id);
-- SKUs as the API reads them: with the stock of every location summed, for the sku's inventory attribute.
CREATE VIEW cl_skus_with_stock AS SELECT cl_skus.rowid AS rowid, cl_skus.*,
  (SELECT COALESCE(SUM(quantity), 0) FROM cl_stock_items WHERE sku_id = cl_skus.id) AS stock_quantity FROM cl_skus;

CREATE TABLE cl_shipping_methods (id TEXT PRIMARY KEY, market_id TEXT REFERENCES cl_markets(id), name TEXT NOT NULL,
  scheme TEXT NOT NULL DEFAULT 'flat', currency_code TEXT NOT NULL, price_amount_cents INTEGER NOT NULL,
  free_over_amount_cents INTEGER, use_subtotal INTEGER NOT NULL DEFAULT 0, disabled_at TEXT, ${common});

-- api_key/api_secret: the merchant's Klarna credentials; write-only in Commerce Layer, never shown.
CREATE TABLE cl_payment_gateways (id TEXT PRIMARY KEY, gateway_type TEXT NOT NULL, name TEXT NOT NULL,
  force_payments INTEGER NOT NULL DEFAULT 0, country_code TEXT, api_key TEXT, api_secret TEXT, disabled_at TEXT, ${common});

CREATE TABLE cl_payment_methods (id TEXT PRIMARY KEY, market_id TEXT REFERENCES cl_markets(id),
  payment_gateway_id TEXT NOT NULL REFERENCES cl_payment_gateways(id), name TEXT NOT NULL,
  payment_source_type TEXT NOT NULL, currency_code TEXT NOT NULL, price_amount_cents INTEGER NOT NULL,
  moto INTEGER NOT NULL DEFAULT 0, require_capture INTEGER NOT NULL DEFAULT 1, auto_place INTEGER NOT NULL DEFAULT 0,
  auto_capture INTEGER NOT NULL DEFAULT 0, disabled_at TEXT, ${common});

-- password_hash: scrypt, never shown.
CREATE TABLE cl_customers (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, password_hash TEXT,
  status TEXT NOT NULL DEFAULT 'prospect', ${common});

-- Refresh tokens are opaque; only their SHA-256 is kept. A used one is revoked (rotation).
CREATE TABLE cl_refresh_tokens (token_hash TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES cl_customers(id),
  market_id TEXT NOT NULL, scope TEXT NOT NULL, expires_at INTEGER NOT NULL, revoked_at INTEGER, created_at INTEGER NOT NULL);

-- owner_customer_id: the customer whose token created it (or whose address book holds it); NULL for guests.
CREATE TABLE cl_addresses (id TEXT PRIMARY KEY, owner_customer_id TEXT REFERENCES cl_customers(id),
  business INTEGER NOT NULL DEFAULT 0, first_name TEXT, last_name TEXT, company TEXT, line_1 TEXT NOT NULL, line_2 TEXT,
  city TEXT NOT NULL, zip_code TEXT, state_code TEXT, country_code TEXT NOT NULL, phone TEXT NOT NULL, email TEXT,
  notes TEXT, lat REAL, lng REAL, billing_info TEXT, ${common});

CREATE TABLE cl_customer_addresses (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES cl_customers(id),
  address_id TEXT NOT NULL REFERENCES cl_addresses(id), customer_email TEXT NOT NULL, ${common});
CREATE INDEX cl_customer_addresses_customer ON cl_customer_addresses(customer_id);

-- placing_started_at: set (compare-and-set) by the one _place that may talk to Klarna; cleared when it ends.
-- save_*_to_address_book: the triggers of the same name, applied when the order is placed.
CREATE TABLE cl_orders (id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, status TEXT NOT NULL,
  payment_status TEXT NOT NULL, fulfillment_status TEXT NOT NULL, market_id TEXT NOT NULL REFERENCES cl_markets(id),
  customer_id TEXT REFERENCES cl_customers(id), customer_email TEXT, language_code TEXT NOT NULL,
  currency_code TEXT NOT NULL, tax_included INTEGER NOT NULL, tax_rate REAL NOT NULL, country_code TEXT,
  shipping_address_id TEXT REFERENCES cl_addresses(id), billing_address_id TEXT REFERENCES cl_addresses(id),
  payment_method_id TEXT REFERENCES cl_payment_methods(id), payment_source_type TEXT, payment_source_id TEXT,
  subtotal_amount_cents INTEGER NOT NULL DEFAULT 0, subtotal_tax_amount_cents INTEGER NOT NULL DEFAULT 0,
  shipping_amount_cents INTEGER NOT NULL DEFAULT 0, shipping_tax_amount_cents INTEGER NOT NULL DEFAULT 0,
  payment_method_amount_cents INTEGER NOT NULL DEFAULT 0, payment_method_tax_amount_cents INTEGER NOT NULL DEFAULT 0,
  total_tax_amount_cents INTEGER NOT NULL DEFAULT 0, total_amount_cents INTEGER NOT NULL DEFAULT 0,
  skus_count INTEGER NOT NULL DEFAULT 0, payment_source_details TEXT,
  save_billing_address_to_book INTEGER NOT NULL DEFAULT 0, save_shipping_address_to_book INTEGER NOT NULL DEFAULT 0,
  placing_started_at INTEGER, placed_at TEXT, payment_updated_at TEXT, refreshed_at TEXT,
  cart_url TEXT, return_url TEXT, terms_url TEXT, privacy_url TEXT, affiliate_code TEXT, ${common});
CREATE INDEX cl_orders_customer ON cl_orders(customer_id);

CREATE TABLE cl_line_items (id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES cl_orders(id),
  item_type TEXT NOT NULL, item_id TEXT, sku_code TEXT, name TEXT, image_url TEXT, quantity INTEGER NOT NULL,
  currency_code TEXT NOT NULL, unit_amount_cents INTEGER NOT NULL, compare_at_amount_cents INTEGER,
  total_amount_cents INTEGER NOT NULL, tax_amount_cents INTEGER NOT NULL DEFAULT 0, tax_rate REAL NOT NULL DEFAULT 0, ${common});
CREATE INDEX cl_line_items_order ON cl_line_items(order_id);

CREATE TABLE cl_shipments (id TEXT PRIMARY KEY, order_id TEXT NOT NULL UNIQUE REFERENCES cl_orders(id),
  number TEXT NOT NULL, status TEXT NOT NULL, currency_code TEXT NOT NULL,
  shipping_method_id TEXT REFERENCES cl_shipping_methods(id), cost_amount_cents INTEGER NOT NULL DEFAULT 0, ${common});

-- session_amount_cents/intent: what the Klarna session was opened or last updated with.
-- klarna_customer_token/customer_payment_source_id: set when the payment reuses a saved source (no session).
-- wallet_source_id: the customer payment source this payment was saved as (at most one).
CREATE TABLE cl_klarna_payments (id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES cl_orders(id),
  payment_gateway_id TEXT NOT NULL REFERENCES cl_payment_gateways(id), session_id TEXT, client_token TEXT,
  payment_methods TEXT NOT NULL DEFAULT '[]', intent TEXT, auth_token TEXT, session_amount_cents INTEGER,
  mismatched_amounts INTEGER NOT NULL DEFAULT 0, klarna_customer_token TEXT, customer_payment_source_id TEXT,
  payment_instrument TEXT, klarna_order_id TEXT, wallet_source_id TEXT, ${common});
CREATE INDEX cl_klarna_payments_order ON cl_klarna_payments(order_id);

CREATE TABLE cl_customer_payment_sources (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES cl_customers(id),
  payment_method_id TEXT REFERENCES cl_payment_methods(id), payment_source_type TEXT NOT NULL,
  payment_source_id TEXT, customer_token TEXT, payment_source_token TEXT NOT NULL, name TEXT NOT NULL, ${common});
CREATE UNIQUE INDEX cl_customer_payment_sources_token ON cl_customer_payment_sources(customer_id, payment_source_token);
`,
  },
  {
    // Records as the API reads them, with what they show from other tables.
    id: 'core-002-read-views',
    sql: `
CREATE VIEW cl_shipments_with_counts AS SELECT cl_shipments.rowid AS rowid, cl_shipments.*,
  (SELECT skus_count FROM cl_orders WHERE id = cl_shipments.order_id) AS skus_count FROM cl_shipments;
CREATE VIEW cl_customers_with_orders AS SELECT cl_customers.rowid AS rowid, cl_customers.*,
  (SELECT COUNT(*) FROM cl_orders WHERE customer_id = cl_customers.id AND status IN ('placed', 'approved')) AS total_orders_count
  FROM cl_customers;
CREATE VIEW cl_customer_addresses_with_address AS SELECT ca.rowid AS rowid, ca.*,
  a.business AS address_business, a.first_name AS address_first_name, a.last_name AS address_last_name,
  a.company AS address_company, a.line_1 AS address_line_1, a.line_2 AS address_line_2, a.city AS address_city,
  a.zip_code AS address_zip_code, a.state_code AS address_state_code, a.country_code AS address_country_code,
  a.phone AS address_phone
  FROM cl_customer_addresses ca JOIN cl_addresses a ON a.id = ca.address_id;`,
  },
  {
    // SKU pictures moved from the storefront's /products/ to the sandbox's own image host (images.ts).
    id: 'core-003-image-host',
    sql: `
UPDATE cl_skus SET image_url = '/cdn' || image_url WHERE image_url LIKE '/products/%';
UPDATE cl_line_items SET image_url = '/cdn' || image_url WHERE image_url LIKE '/products/%';`,
  },
  {
    // What Commerce Layer's own clients (react-components, mfe-checkout) read beyond what the storefront does.
    id: 'core-004-official-clients',
    sql: `
ALTER TABLE cl_orders ADD COLUMN token TEXT;
UPDATE cl_orders SET token = lower(hex(randomblob(16))) WHERE token IS NULL;

-- The organization, a singleton (GET /api/organization). One row, written here so older databases get it too.
CREATE TABLE cl_organizations (id TEXT PRIMARY KEY, slug TEXT NOT NULL, name TEXT NOT NULL, support_email TEXT,
  support_phone TEXT, logo_url TEXT, favicon_url TEXT, primary_color TEXT, gtm_id TEXT, gtm_id_test TEXT,
  config TEXT, ${common});
INSERT INTO cl_organizations (id, slug, name, support_email, primary_color, config, created_at, updated_at)
  VALUES ('${ORGANIZATION_ID}', '${SANDBOX_ORGANIZATION_SLUG}', 'Sandbox Store', 'support@example.com', '#1f2937', '{}',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- What the sandbox's catalogue has none of: SKU options, the line item options that choose them, stock transfers.
CREATE TABLE cl_sku_options (id TEXT PRIMARY KEY, market_id TEXT REFERENCES cl_markets(id), name TEXT NOT NULL,
  currency_code TEXT, description TEXT, price_amount_cents INTEGER, delay_hours INTEGER, delay_days INTEGER,
  sku_code_regex TEXT, ${common});
CREATE TABLE cl_line_item_options (id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES cl_orders(id),
  line_item_id TEXT NOT NULL REFERENCES cl_line_items(id), sku_option_id TEXT REFERENCES cl_sku_options(id),
  name TEXT, quantity INTEGER NOT NULL, currency_code TEXT, unit_amount_cents INTEGER, total_amount_cents INTEGER,
  delay_hours INTEGER, delay_days INTEGER, options TEXT NOT NULL DEFAULT '{}', ${common});
CREATE TABLE cl_stock_transfers (id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES cl_orders(id),
  shipment_id TEXT REFERENCES cl_shipments(id), line_item_id TEXT REFERENCES cl_line_items(id),
  sku_id TEXT REFERENCES cl_skus(id), origin_stock_location_id TEXT REFERENCES cl_stock_locations(id),
  destination_stock_location_id TEXT REFERENCES cl_stock_locations(id), number TEXT, sku_code TEXT,
  status TEXT NOT NULL, quantity INTEGER NOT NULL, on_hold_at TEXT, picking_at TEXT, in_transit_at TEXT,
  completed_at TEXT, cancelled_at TEXT, ${common});

-- A shipment's stock line items: its order's SKU lines (same ids), taken from the SKU's first stock item.
CREATE VIEW cl_stock_line_items AS SELECT li.rowid AS rowid, li.id AS id, li.order_id AS order_id,
  s.id AS shipment_id, li.id AS line_item_id, li.item_id AS sku_id,
  (SELECT si.id FROM cl_stock_items si WHERE si.sku_id = li.item_id ORDER BY si.rowid LIMIT 1) AS stock_item_id,
  li.sku_code AS sku_code, li.name AS name, li.image_url AS image_url, li.quantity AS quantity,
  li.created_at AS created_at, li.updated_at AS updated_at, NULL AS reference, NULL AS reference_origin,
  '{}' AS metadata
  FROM cl_line_items li JOIN cl_shipments s ON s.order_id = li.order_id WHERE li.item_type = 'skus';

-- Delivery lead times: each shipping method's days (its metadata's delivery_lead_time) from each stock location.
-- The id is the shipping method's: the sandbox has one stock location.
CREATE VIEW cl_delivery_lead_times AS SELECT sm.rowid AS rowid, sm.id AS id, sl.id AS stock_location_id,
  sm.id AS shipping_method_id,
  json_extract(sm.metadata, '$.delivery_lead_time.min_days') * 24 AS min_hours,
  json_extract(sm.metadata, '$.delivery_lead_time.max_days') * 24 AS max_hours,
  json_extract(sm.metadata, '$.delivery_lead_time.min_days') AS min_days,
  json_extract(sm.metadata, '$.delivery_lead_time.max_days') AS max_days,
  sm.created_at AS created_at, sm.updated_at AS updated_at, NULL AS reference, NULL AS reference_origin,
  '{}' AS metadata
  FROM cl_shipping_methods sm JOIN cl_stock_locations sl
  WHERE sm.disabled_at IS NULL AND json_extract(sm.metadata, '$.delivery_lead_time.min_days') IS NOT NULL;`,
  },
  {
    // The euro market ships only where Klarna sells in euro: Sweden, Denmark and Poland pay in their own currencies.
    id: 'core-005-euro-market-countries',
    sql: `
UPDATE cl_markets SET metadata = json_set(metadata, '$.shipping_country_codes',
  json('["AT","BE","DE","ES","FI","FR","IE","IT","NL","PT"]'))
  WHERE json_extract(metadata, '$.shipping_country_codes') IS NOT NULL AND code = 'europe';`,
  },
  {
    // Access tokens revoked before they expire (POST /oauth/revoke); only their SHA-256, kept until they expire.
    id: 'core-006-revoked-access-tokens',
    sql: `CREATE TABLE cl_revoked_access_tokens (token_hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`,
  },
  {
    // Commerce Layer has stored two sources for one Klarna customer token (a save sent twice, mfe-checkout #412):
    // one per token is the sandbox's own save rule now (orders/wallet.ts), not a constraint that forbids a copy.
    id: 'core-007-wallet-allows-copies',
    sql: `
DROP INDEX cl_customer_payment_sources_token;
CREATE INDEX cl_customer_payment_sources_customer_token ON cl_customer_payment_sources(customer_id, payment_source_token);`,
  },
]
