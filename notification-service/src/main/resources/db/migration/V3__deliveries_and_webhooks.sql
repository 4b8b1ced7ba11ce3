-- Delivery: what the organizations in the loop are told (webhooks, e-mail), each delivery with its attempts, retried
-- with back-off, in order per referral and destination; and the webhook subscriptions of partner systems.

-- Webhook subscriptions: one endpoint of one organization, for some notice types. ACTIVE endpoints get deliveries;
-- PAUSED ones (by their owner, by an operator, or by the service after a delivery kept failing) queue them until they
-- are resumed.
create table webhook_subscription (
    id              uuid        primary key,
    organization_id text        not null,
    url             text        not null,
    types           text        not null check (types <> ''),
    description     text,
    contact_email   text,
    state           text        not null check (state in ('ACTIVE', 'PAUSED')),
    paused_reason   text,
    paused_at       timestamptz,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);
create index webhook_subscription_org on webhook_subscription (organization_id, created_at);

-- Signing secrets (whsec_...): the current one has no expiry; a rotated-out one signs beside it until expires_at.
create table webhook_secret (
    id              uuid        primary key,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    secret          text        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz
);
create index webhook_secret_subscription on webhook_secret (subscription_id, created_at);

-- One notice to one destination. The deliveries of one destination and order key (the referral) form a lane, sent one
-- at a time in seq order: only a lane's head has a real next_attempt_at (now, or its retry time); the others, and
-- every pending delivery of a held destination, wait at '9999-01-01' until the one before them ends (or the
-- destination is resumed). So the worker's claim is an index range scan of due heads, whatever the queue holds.
create table delivery (
    id              uuid        primary key,
    seq             bigserial   not null unique,
    notice_id       uuid        not null,
    notice_type     text        not null,
    channel         text        not null,
    target          text        not null,
    organization_id text        not null,
    referral_id     uuid,
    order_key       uuid        not null,
    language        text,
    notice          text        not null,
    state           text        not null check (state in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    created_at      timestamptz not null,
    occurred_at     timestamptz not null,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    last_status     integer,
    last_latency_ms bigint,
    last_error      text,
    replay_of       uuid
);
create index delivery_due on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_open on delivery (order_key, channel, target, seq) where state in ('PENDING', 'SENDING');
create index delivery_leased on delivery (lease_until) where state = 'SENDING';
create index delivery_target on delivery (channel, target, seq);
create index delivery_org on delivery (organization_id, seq);
create index delivery_referral on delivery (referral_id, seq);

-- Every attempt of a delivery.
create table delivery_attempt (
    delivery_id     uuid        not null references delivery (id) on delete cascade,
    attempt         integer     not null,
    attempted_at    timestamptz not null,
    delivered       boolean     not null,
    response_status integer,
    latency_ms      bigint      not null,
    error           text,
    primary key (delivery_id, attempt)
);

-- Destinations that get nothing until resumed (a paused webhook subscription): channel and target as on delivery.
create table delivery_hold (
    channel    text        not null,
    target     text        not null,
    reason     text        not null,
    held_at    timestamptz not null,
    primary key (channel, target)
);

-- Owners to tell that their webhook subscription was paused (an outbox: sent by the delivery worker, never lost).
create table webhook_alert (
    id              uuid        primary key,
    subscription_id uuid        not null,
    organization_id text        not null,
    reason          text        not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    attempts        integer     not null default 0,
    last_error      text
);
create index webhook_alert_unsent on webhook_alert (created_at) where sent_at is null;
