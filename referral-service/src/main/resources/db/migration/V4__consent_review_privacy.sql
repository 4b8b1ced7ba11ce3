-- People, consent and privacy: the replica of consent decisions, the routing constraints of a need, the clinics'
-- routing settings (sent automatically or proposed for review).

-- Consent decisions as the screening service publishes them on consent-changed (the newest version per decision).
-- A person's decisions at a clinic are the rows of one (person_ref, requester_organization_id); the most recently
-- changed one governs.
create table consent_decision (
    consent_id                uuid        primary key,
    person_ref                text        not null check (char_length(person_ref) <= 128),
    requester_organization_id text        not null,
    status                    text        not null check (status in ('active', 'revoked', 'expired', 'refused')),
    -- The organizations an active decision covers; null for all of them.
    recipients                text[],
    valid_until               timestamptz,
    changed_at                timestamptz not null,
    version                   bigint      not null check (version >= 1),
    received_at               timestamptz not null,
    -- When the referral service enforced the end of an active decision's period itself (valid_until passed before any
    -- consent-changed said so); null until then, and again when a newer version of the decision arrives.
    end_enforced_at           timestamptz
);

create index consent_decision_person on consent_decision (person_ref, requester_organization_id);
create index consent_decision_ending on consent_decision (valid_until)
    where status = 'active' and valid_until is not null and end_enforced_at is null;

-- What the match said about the person and the need: whom the consent covers (null: everyone), whether the need is
-- an interpersonal-safety need, whether organizations must not contact the person, and whether its attempts are
-- proposed as drafts for the clinic to review instead of being sent.
alter table need_routing add column consent_recipients text[];
alter table need_routing add column sensitive boolean not null default false;
alter table need_routing add column do_not_contact boolean not null default false;
alter table need_routing add column review boolean not null default false;

-- The open needs of a person at a clinic, for consent decisions.
create index need_routing_person on need_routing (patient_id, requester_organization_id) where state <> 'CLOSED';

alter table referral add column do_not_contact boolean not null default false;

-- The open referrals of a person at a clinic, for consent decisions.
create index referral_person_open on referral (patient_id, requester_organization_id)
    where status in ('draft', 'requested', 'accepted', 'in-progress', 'on-hold');

-- Per clinic and SDOHCC category: referrals are sent automatically (auto, the default when no row exists) or proposed
-- as drafts for the clinic's staff to review with the person (review).
create table routing_setting (
    organization_id text        not null check (char_length(organization_id) <= 128),
    category        text        not null,
    mode            text        not null check (mode in ('auto', 'review')),
    updated_at      timestamptz not null,
    updated_by      text        not null,
    primary key (organization_id, category)
);
