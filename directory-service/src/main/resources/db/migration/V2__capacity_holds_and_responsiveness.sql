-- Capacity that moves, routing that learns.
--
-- A capacity report says how many places are free now. Referrals then hold places against it: the report becomes a
-- baseline (places free with no hold open), and what the directory shows as available is the baseline less the places
-- held, never below 0 and never above the maximum. Today's figures carry over unchanged: no hold is open yet, so
-- baseline = the reported available and held = 0.

-- Every change of a service's availability is published as capacity-changed with a per-service version. The service
-- row is also the lock that serializes changes to a service's availability (holds, releases, reports, imports).
alter table service add column capacity_version bigint not null default 0 check (capacity_version >= 0);

-- The reported figure keeps its meaning ("places free when reported") under a clearer name; "available" becomes the
-- figure after holds, computed by the database so every reader sees the same number.
alter table service_capacity rename column available to reported_available;
alter table service_capacity add column held integer not null default 0 check (held >= 0);
alter table service_capacity add column baseline integer;
update service_capacity set baseline = reported_available;
alter table service_capacity alter column baseline set not null;
alter table service_capacity add constraint service_capacity_baseline_check check (baseline >= 0);
alter table service_capacity add column available integer generated always as (
    least(greatest(baseline - held, 0), coalesce(maximum, greatest(baseline - held, 0)))) stored;

-- A place held for a need at a service: taken TENTATIVE when the need is matched (or when a referral to the service is
-- requested), FIRM once the organization takes the referral on, RELEASED when the referral ends or when no referral
-- ever claimed it. A released hold never opens again. The row also remembers the referral that claimed it: the last
-- version applied (so replayed and out-of-order events change nothing) and how the owner responded (responsiveness).
create table capacity_hold (
    id               uuid primary key,
    service_id       text        not null references service (id),
    need_id          uuid        not null,
    screening_id     uuid,
    category         text        not null,
    state            text        not null check (state in ('TENTATIVE', 'FIRM', 'RELEASED')),
    origin           text        not null check (origin in ('MATCH', 'REFERRAL')),
    match_request_id uuid,
    referral_id      uuid unique,
    referral_version bigint check (referral_version > 0),
    referral_status  text,
    requested_at     timestamptz,
    offered          boolean     not null default false,
    response         text check (response in ('ACCEPTED', 'REJECTED', 'RECALLED', 'NONE')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    expires_at       timestamptz,
    released_at      timestamptz,
    release_reason   text,
    check ((state = 'RELEASED') = (released_at is not null)),
    check (referral_id is not null or referral_version is null)
);
-- One open, unclaimed hold per (need, service): a match repeated for the same need reuses it.
create unique index capacity_hold_unclaimed on capacity_hold (need_id, service_id)
    where referral_id is null and state <> 'RELEASED';
-- Recent holds per service (load spreading) and open holds per service (held when a capacity is first reported).
create index capacity_hold_service on capacity_hold (service_id, created_at);
-- Unclaimed tentative holds, for the expiry job.
create index capacity_hold_due on capacity_hold (expires_at) where state = 'TENTATIVE' and referral_id is null;

-- How each service's organization answers the referrals requested of it: its own first response to each referral
-- (accepted, rejected, or recalled for want of a response). Changes made on its behalf do not count.
create table service_responsiveness (
    service_id text primary key references service (id) on delete cascade,
    offered    integer     not null default 0 check (offered >= 0),
    accepted   integer     not null default 0 check (accepted >= 0),
    rejected   integer     not null default 0 check (rejected >= 0),
    recalled   integer     not null default 0 check (recalled >= 0),
    updated_at timestamptz not null
);

-- Time from request to the owner's first response, per referral; only the most recent samples of a service are kept.
create table acknowledgement_sample (
    referral_id     uuid primary key,
    service_id      text        not null references service (id) on delete cascade,
    acknowledged_at timestamptz not null,
    seconds         bigint      not null check (seconds >= 0)
);
create index acknowledgement_sample_service on acknowledgement_sample (service_id, acknowledged_at desc);
