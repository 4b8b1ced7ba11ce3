-- Screenings, their answers, the needs scoring found and the consent recorded with them.
-- Ids and codes only: patient_id is an opaque id issued by the clinic's system.

create table screening (
    id                        uuid primary key,
    patient_id                text        not null,
    requester_organization_id text        not null,
    instrument                text        not null,
    instrument_version        text        not null,
    completed_at              timestamptz not null
);
-- Clinics list their own organization's screenings, optionally of one patient, newest first.
create index screening_by_organization on screening (requester_organization_id, completed_at desc, id);
create index screening_by_patient on screening (patient_id, completed_at desc, id);

create table screening_answer (
    id           uuid primary key,
    screening_id uuid    not null references screening (id),
    ordinal      integer not null,
    question     text    not null,
    answer_codes text[]  not null check (cardinality(answer_codes) > 0),
    unique (screening_id, question),
    unique (screening_id, ordinal)
);

create table screening_need (
    id           uuid primary key,
    screening_id uuid    not null references screening (id),
    ordinal      integer not null,
    category     text    not null,
    evidence     text[]  not null,
    unique (screening_id, category),
    unique (screening_id, ordinal)
);

create table consent (
    screening_id                       uuid primary key references screening (id),
    share_with_community_organizations boolean     not null,
    recorded_at                        timestamptz not null,
    recorded_by                        text        not null
);
