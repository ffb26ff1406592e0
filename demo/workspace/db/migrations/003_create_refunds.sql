CREATE TABLE refunds (
  id           TEXT PRIMARY KEY,
  charge_id    TEXT NOT NULL REFERENCES charges (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reason       TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
