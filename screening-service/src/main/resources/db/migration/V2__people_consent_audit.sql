-- People, consent and privacy: the person behind a screening is stored once, encrypted, under a pseudonymous
-- reference; consent is a decision with recipients, a period and a status; every read of a person's details and every
-- change of consent is written to an append-only audit log.

create table person (
    person_ref         text        primary key check (person_ref ~ '^p1-[A-Za-z0-9_-]{43}$'),
    organization_id    text        not null,
    -- PersonDetails as JSON, AES-256-GCM encrypted: "<key id>:<base64 nonce + ciphertext>"
    details            text        not null,
    key_id             text        not null,
    do_not_contact     boolean     not null default false,
    preferred_language text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null
);
create index person_by_key on person (key_id);

-- A screening now names its person by reference; the clinic's identifier moves into the encrypted details. Rows of
-- earlier versions keep patient_id until the service pseudonymises them at start (it needs the key to do so).
alter table screening add column person_ref text references person (person_ref);
alter table screening alter column patient_id drop not null;
create index screening_by_person on screening (person_ref, completed_at desc, id);

-- A person's consent decisions (SDOHCC Consent, category IDSCL). The latest decision of a person is the one in force.
create table consent_decision (
    id                uuid        primary key,
    person_ref        text        not null references person (person_ref),
    organization_id   text        not null,
    decision          text        not null check (decision in ('permit', 'deny')),
    -- community organizations covered; null = all of them
    recipients        text[],
    status            text        not null check (status in ('active', 'revoked', 'expired', 'refused')),
    valid_from        timestamptz not null,
    valid_until       timestamptz,
    screening_id      uuid        references screening (id),
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    status_changed_at timestamptz not null,
    changed_by        text,
    -- why it was revoked, in the clinic's words; never on an event
    status_note       text        check (char_length(status_note) <= 500),
    version           bigint      not null
);
create index consent_by_person on consent_decision (person_ref, recorded_at desc, id);
create index consent_expiring on consent_decision (valid_until) where status = 'active' and valid_until is not null;

-- What the referral service published about each referral: who it is assigned to and whether it is open. Contact
-- details are disclosed to the assigned organization only while the referral is open.
create table referral_access (
    referral_id               uuid        primary key,
    person_ref                text        not null,
    screening_id              uuid        not null,
    requester_organization_id text        not null,
    owner_organization_id     text,
    status                    text        not null,
    referral_version          bigint      not null,
    updated_at                timestamptz not null
);
create index referral_access_by_person on referral_access (person_ref);

-- Append-only accounting of disclosures: every read of a person's details (allowed or denied) and every change of
-- consent. Nobody, the service included, may change or delete a row.
create table disclosure_audit (
    id                    bigint      generated always as identity primary key,
    at                    timestamptz not null default now(),
    actor                 text        not null,
    actor_role            text,
    actor_organization_id text,
    person_ref            text,
    referral_id           uuid,
    action                text        not null,
    purpose               text,
    outcome               text        not null check (outcome in ('allowed', 'denied')),
    reason                text
);
create index audit_by_person on disclosure_audit (person_ref, at desc);
create index audit_by_actor on disclosure_audit (actor, at desc);
create index audit_by_organization on disclosure_audit (actor_organization_id, at desc);
create index audit_by_time on disclosure_audit (at desc);

create function disclosure_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'disclosure_audit is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger disclosure_audit_no_update before update or delete on disclosure_audit
    for each row execute function disclosure_audit_is_append_only();
create trigger disclosure_audit_no_truncate before truncate on disclosure_audit
    for each statement execute function disclosure_audit_is_append_only();
revoke update, delete, truncate on disclosure_audit from public;

-- Interpersonal-safety needs are reviewed before any referral.
alter table screening_need add column sensitive boolean not null default false;
