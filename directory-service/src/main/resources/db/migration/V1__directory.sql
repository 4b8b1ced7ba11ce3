-- Directory of organizations and services, after Open Referral HSDS 3.0 (organization, service) and 3.1
-- (service_capacity), with CareLoop's mapping of services to SDOHCC categories.

create table organization (
    id            text primary key check (id ~ '^[a-z0-9-]{1,64}$'),
    name          text        not null,
    description   text        not null,
    email         text,
    website       text,
    last_modified timestamptz not null
);

create table service (
    id                      text primary key check (id ~ '^[a-z0-9-]{1,64}$'),
    organization_id         text        not null references organization (id),
    name                    text        not null,
    description             text,
    status                  text        not null
        check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
    eligibility_description text,
    minimum_age             integer check (minimum_age >= 0),
    maximum_age             integer check (maximum_age >= 0),
    assured_date            date,
    last_modified           timestamptz not null,
    check (maximum_age is null or minimum_age is null or maximum_age >= minimum_age)
);
create index service_organization on service (organization_id);

-- The SDOHCC category codes a service addresses; matching reads it by category.
create table service_category (
    service_id text not null references service (id) on delete cascade,
    category   text not null,
    primary key (service_id, category)
);
create index service_category_category on service_category (category);

-- One capacity per service for now (HSDS allows one per unit); "updated" is when it was last reported.
create table service_capacity (
    id         uuid primary key,
    service_id text        not null unique references service (id) on delete cascade,
    unit       text        not null,
    available  integer     not null check (available >= 0),
    maximum    integer check (maximum is null or maximum >= available),
    updated    timestamptz not null
);
