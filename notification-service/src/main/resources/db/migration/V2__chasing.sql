-- Chasing: acknowledgement policies and business calendars as data, the organizations the directory knows, chase
-- timers (pending, fired, cancelled: the record of every chase) and each need's contact window.

-- The deadline remembers which policy set its due time (the escalation time) and who closed it.
alter table acknowledgement_deadline add column policy text check (policy in ('default', 'organization'));
alter table acknowledgement_deadline add column resolved_by_role text;

-- One row per organization with its own policy, plus the default under the empty organization id: organization ids
-- are never blank (capacity-changed requires them), so '' cannot clash with a real one. Durations are ISO-8601 text
-- as the client wrote them (canonical form): a day part and a time part mean different things in business time.
create table acknowledgement_policy (
    organization_id        text        primary key,
    remind_after           text        not null,
    escalate_after         text        not null,
    recall_after           text        not null,
    outcome_update_after   text        not null,
    contact_window         text        not null,
    contact_warning_before text        not null,
    business_time          boolean     not null,
    updated_at             timestamptz not null,
    updated_by             text        not null
);

-- Business calendars, same keying. Working days and holidays are short comma-separated lists
-- ('MONDAY,TUESDAY', '2026-12-25,2027-01-01') read and written whole.
create table business_calendar (
    organization_id text        primary key,
    zone            text        not null,
    working_days    text        not null check (working_days <> ''),
    holidays        text        not null default '',
    updated_at      timestamptz not null,
    updated_by      text        not null
);

-- Replica of the directory's services (from capacity-changed): which organizations exist. Version guard per service.
create table known_service (
    service_id      text        primary key,
    organization_id text        not null,
    service_status  text        not null,
    version         bigint      not null check (version >= 1),
    changed_at      timestamptz not null
);
create index known_service_organization on known_service (organization_id);

-- A chase due at a time. PENDING until the worker fires it (FIRED, fired_at, and its referral-chased event in the
-- same transaction) or a referral change makes it moot (CANCELLED). Ids and codes only.
create table chase_timer (
    id                        uuid        primary key,
    kind                      text        not null
        check (kind in ('REMIND', 'ESCALATE', 'RECALL', 'OUTCOME_UPDATE', 'CONTACT_WINDOW_WARNING')),
    state                     text        not null check (state in ('PENDING', 'FIRED', 'CANCELLED')),
    referral_id               uuid        not null,
    need_id                   uuid,
    referral_version          bigint      not null check (referral_version >= 1),
    owner_organization_id     text,
    requester_organization_id text        not null,
    category                  text        not null,
    policy                    text        not null check (policy in ('default', 'organization')),
    due_at                    timestamptz not null,
    created_at                timestamptz not null,
    fired_at                  timestamptz,
    cancelled_at              timestamptz,
    cancel_reason             text,
    constraint chase_timer_settled check (
        (state = 'PENDING' and fired_at is null and cancelled_at is null)
        or (state = 'FIRED' and fired_at is not null)
        or (state = 'CANCELLED' and cancelled_at is not null))
);
-- The worker's claim: pending timers in due order.
create index chase_timer_pending_due on chase_timer (due_at, id) where state = 'PENDING';
-- The worker fires one timer of a referral at a time (earliest first); consumers cancel a referral's pending timers.
create index chase_timer_pending_referral on chase_timer (referral_id, due_at, id) where state = 'PENDING';
-- The chases of a referral; the need's contact window warning.
create index chase_timer_referral on chase_timer (referral_id, due_at);
create index chase_timer_need_warning on chase_timer (need_id) where kind = 'CONTACT_WINDOW_WARNING';
-- Recent chases first.
create index chase_timer_due_desc on chase_timer (due_at desc, id);

-- A need's contact window (MIPS #498): opens with its first requested attempt, met when an attempt reaches
-- in-progress or completed.
create table need_contact_window (
    need_id               uuid        primary key,
    opened_at             timestamptz,
    closes_at             timestamptz,
    current_referral_id   uuid,
    current_attempt       integer,
    contacted_at          timestamptz,
    contacted_referral_id uuid
);
