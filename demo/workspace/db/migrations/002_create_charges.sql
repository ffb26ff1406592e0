CREATE TABLE charges (
  id             TEXT PRIMARY KEY,
  gateway_id     TEXT NOT NULL UNIQUE,
  order_id       TEXT NOT NULL REFERENCES orders (id),
  amount_cents   INTEGER NOT NULL,
  refunded_cents INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL
);
