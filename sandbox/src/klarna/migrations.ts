import type { Migration } from '../db/database'

/**
 * The Klarna stand-in's records. Times are milliseconds from the sandbox clock. Whether a session is complete,
 * or an authorization was used for an order or a customer token, is read from the rows that record it
 * (orders, customer tokens) rather than kept twice.
 */
export const klarnaMigrations: readonly Migration[] = [
  {
    id: 'klarna-001-payments',
    sql: `
      CREATE TABLE klarna_sessions (
        id TEXT PRIMARY KEY,
        -- Every writable session field the merchant sent (create, then updates and authorize data merged in).
        data TEXT NOT NULL,
        client_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- 48 hours after the last update.
        expires_at INTEGER NOT NULL
      );

      CREATE TABLE klarna_authorizations (
        token TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES klarna_sessions(id),
        email TEXT NOT NULL,
        plan TEXT NOT NULL,
        -- The session's data as the shopper authorized it; orders must match it.
        data TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('authorized', 'cancelled', 'failed')),
        -- For a failed token: the refusal every later use repeats ({status, error_code, error_messages}).
        failure TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX klarna_authorizations_by_session ON klarna_authorizations(session_id);

      CREATE TABLE klarna_customer_tokens (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED', 'SUSPENDED')),
        payment_method_type TEXT NOT NULL,
        payment_method_reference TEXT NOT NULL,
        email TEXT NOT NULL,
        purchase_country TEXT NOT NULL,
        purchase_currency TEXT NOT NULL,
        description TEXT,
        -- NULL for the seeded token; one customer token per authorization otherwise.
        authorization_token TEXT UNIQUE REFERENCES klarna_authorizations(token),
        -- Sandbox door: makes the next orders fail with PAYMENT_METHOD_FAILED.
        payment_method_failing INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE klarna_orders (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('authorization', 'customer_token')),
        authorization_token TEXT UNIQUE REFERENCES klarna_authorizations(token),
        customer_token_id TEXT REFERENCES klarna_customer_tokens(id),
        session_id TEXT REFERENCES klarna_sessions(id),
        purchase_currency TEXT NOT NULL,
        order_amount INTEGER NOT NULL,
        order_tax_amount INTEGER NOT NULL,
        merchant_reference1 TEXT,
        -- The answer Klarna gave, replayed as is for a repeated idempotency key.
        response TEXT NOT NULL,
        request TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        CHECK ((source = 'authorization') = (authorization_token IS NOT NULL)),
        CHECK ((source = 'customer_token') = (customer_token_id IS NOT NULL))
      );
      CREATE INDEX klarna_orders_by_session ON klarna_orders(session_id);

      CREATE TABLE klarna_idempotency_keys (
        customer_token_id TEXT NOT NULL REFERENCES klarna_customer_tokens(id),
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        order_id TEXT NOT NULL REFERENCES klarna_orders(id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (customer_token_id, key)
      );
    `,
  },
]
