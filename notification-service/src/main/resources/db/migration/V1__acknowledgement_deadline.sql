-- One row per referral the service has heard of. state is null for a referral seen only after it left
-- 'requested' (out of order): the row then just remembers last_version so that an older event cannot open a deadline.
create table acknowledgement_deadline (
    referral_id           uuid        primary key,
    owner_organization_id text,
    category              text,
    requested_at          timestamptz,
    due_at                timestamptz,
    state                 text        check (state in ('OPEN', 'MET', 'CLEARED')),
    last_version          bigint      not null check (last_version >= 1),
    resolved_at           timestamptz,
    resolved_status       text,
    constraint acknowledgement_deadline_complete
        check (state is null or (category is not null and requested_at is not null and due_at is not null)),
    constraint acknowledgement_deadline_resolution
        check ((state = 'OPEN' and resolved_at is null and resolved_status is null)
            or (state in ('MET', 'CLEARED') and resolved_at is not null and resolved_status is not null)
            or state is null)
);

-- The reminder/escalation scheduler looks for OPEN deadlines whose due_at has passed; the API lists by state and due_at.
create index acknowledgement_deadline_state_due on acknowledgement_deadline (state, due_at);
