-- The directory on Open Referral HSDS 3.1 (see docs/adr/0011-directory-on-hsds-3-1.md).
--
-- Every HSDS object has its own table. A row keeps the object's typed columns that CareLoop queries (ids, links,
-- status, ages, coordinates, postal codes, codes) and the object itself in "doc": all its own fields as the feed sent
-- them, less the child objects that have tables of their own (a service's doc has no service_at_locations, phones,
-- schedules, service_areas, languages, capacities or attributes; those are rows that point at it) and less
-- last_modified, which the directory keeps itself. Objects HSDS defines that CareLoop does not query (contacts,
-- programs, funding, cost options, required documents, accessibility, organization identifiers, metadata, urls) stay
-- inside their owner's doc, so an export gives back what was imported. Typed columns are read from doc at import.
--
-- Need categories are terms of the CareLoop taxonomy, tagged on services through HSDS attributes; terms of other
-- taxonomies (Open Eligibility, 211 LA...) reach the categories through need_mapping, which operators change.
-- service_category is derived from both (refresh_service_categories) and is what matching reads.

create extension if not exists postgis;
create extension if not exists "uuid-ossp";

-- ---------------------------------------------------------------- organization and service

alter table organization add column doc jsonb;
update organization set doc = jsonb_strip_nulls(jsonb_build_object(
        'id', id, 'name', name, 'description', description, 'email', email, 'website', website));
alter table organization alter column doc set not null;

alter table service add column doc jsonb;
alter table service add column interpretation_services text;
update service set doc = jsonb_strip_nulls(jsonb_build_object(
        'id', id, 'organization_id', organization_id, 'name', name, 'description', description, 'status', status,
        'eligibility_description', eligibility_description, 'minimum_age', minimum_age, 'maximum_age', maximum_age,
        'assured_date', assured_date));
alter table service alter column doc set not null;
create index service_last_modified on service (last_modified, id);
create index organization_last_modified on organization (last_modified, id);

-- ---------------------------------------------------------------- places

create table location (
    id              text primary key check (length(id) between 1 and 128),
    organization_id text references organization (id) on delete set null,
    location_type   text        not null check (location_type in ('physical', 'postal', 'virtual')),
    name            text,
    latitude        double precision check (latitude between -90 and 90),
    longitude       double precision check (longitude between -180 and 180),
    -- Where the location is, for distance queries (WGS 84, metres).
    geog            geography(Point, 4326) generated always as (
        case when latitude is not null and longitude is not null
             then st_setsrid(st_makepoint(longitude, latitude), 4326)::geography end) stored,
    doc             jsonb       not null,
    last_modified   timestamptz not null
);
create index location_organization on location (organization_id);
create index location_geog on location using gist (geog);

create table service_at_location (
    id          text primary key check (length(id) between 1 and 128),
    service_id  text not null references service (id) on delete cascade,
    location_id text not null references location (id) on delete cascade,
    doc         jsonb not null
);
create index service_at_location_service on service_at_location (service_id);
create index service_at_location_location on service_at_location (location_id);

create table address (
    id             text primary key check (length(id) between 1 and 128),
    location_id    text not null references location (id) on delete cascade,
    address_type   text not null check (address_type in ('physical', 'postal', 'virtual')),
    city           text not null,
    state_province text not null,
    postal_code    text not null,
    country        text not null,
    doc            jsonb not null
);
create index address_location on address (location_id);
create index address_postal_code on address (postal_code);

-- A service area: a GeoJSON extent (geom, read from extent when extent_type is geojson), a list of postal codes or an
-- administrative area by name (extent_type text); see refresh_service_coverage in a later migration.
create table service_area (
    id                     text primary key check (length(id) between 1 and 128),
    service_id             text references service (id) on delete cascade,
    service_at_location_id text references service_at_location (id) on delete cascade,
    name                   text,
    extent                 text,
    extent_type            text,
    geom                   geography,
    doc                    jsonb not null,
    check (service_id is not null or service_at_location_id is not null)
);
create index service_area_service on service_area (service_id);
create index service_area_service_at_location on service_area (service_at_location_id);
create index service_area_geom on service_area using gist (geom);

-- ---------------------------------------------------------------- contact points and times

create table phone (
    id                     text primary key check (length(id) between 1 and 128),
    organization_id        text references organization (id) on delete cascade,
    service_id             text references service (id) on delete cascade,
    location_id            text references location (id) on delete cascade,
    service_at_location_id text references service_at_location (id) on delete cascade,
    contact_id             text,
    number                 text not null,
    doc                    jsonb not null
);
create index phone_organization on phone (organization_id);
create index phone_service on phone (service_id);
create index phone_location on phone (location_id);
create index phone_service_at_location on phone (service_at_location_id);

create table schedule (
    id                     text primary key check (length(id) between 1 and 128),
    service_id             text references service (id) on delete cascade,
    location_id            text references location (id) on delete cascade,
    service_at_location_id text references service_at_location (id) on delete cascade,
    doc                    jsonb not null
);
create index schedule_service on schedule (service_id);
create index schedule_location on schedule (location_id);
create index schedule_service_at_location on schedule (service_at_location_id);

-- A language spoken at a service, a location or on a phone line. code is the tag as published (ISO 639 / BCP 47);
-- matching compares its primary subtag, lower-cased.
create table language (
    id          text primary key check (length(id) between 1 and 128),
    service_id  text references service (id) on delete cascade,
    location_id text references location (id) on delete cascade,
    phone_id    text references phone (id) on delete cascade,
    code        text,
    name        text,
    doc         jsonb not null
);
create index language_service on language (service_id, (lower(split_part(code, '-', 1))));
create index language_location on language (location_id, (lower(split_part(code, '-', 1))));
create index language_phone on language (phone_id);

-- ---------------------------------------------------------------- taxonomies and attributes

create table taxonomy (
    id      text primary key check (length(id) between 1 and 128),
    name    text not null,
    uri     text,
    version text,
    doc     jsonb not null
);

create table taxonomy_term (
    id          text primary key check (length(id) between 1 and 128),
    taxonomy_id text references taxonomy (id) on delete set null,
    parent_id   text,
    code        text,
    name        text not null,
    doc         jsonb not null
);
create index taxonomy_term_taxonomy on taxonomy_term (taxonomy_id, code);
create index taxonomy_term_parent on taxonomy_term (parent_id);

-- HSDS attribute: tags any object (link_entity = its table, link_id = its id) with a taxonomy term.
create table attribute (
    id               text primary key check (length(id) between 1 and 128),
    link_id          text not null,
    link_type        text,
    link_entity      text not null,
    taxonomy_term_id text not null references taxonomy_term (id),
    value            text,
    doc              jsonb not null
);
create index attribute_link on attribute (link_entity, link_id);
create index attribute_term on attribute (taxonomy_term_id);

-- The need categories (SDOHCC value set, as in contracts' SdohCategories).
create table need_category (
    code text primary key
);
insert into need_category (code)
values ('sdoh-category-unspecified'), ('food-insecurity'), ('housing-instability'), ('homelessness'),
       ('inadequate-housing'), ('transportation-insecurity'), ('financial-insecurity'), ('material-hardship'),
       ('educational-attainment'), ('employment-status'), ('veteran-status'), ('stress'), ('social-connection'),
       ('intimate-partner-violence'), ('elder-abuse'), ('personal-health-literacy'),
       ('health-insurance-coverage-status'), ('medical-cost-burden'), ('digital-literacy'), ('digital-access'),
       ('utility-insecurity'), ('incarceration-status'), ('language-access'), ('protective-factor');

-- The CareLoop taxonomy: one term per need category, code = the category code. Its ids are fixed (uuid v5 of
-- https://careloop.org/taxonomies/needs/<code> in the URL namespace) so that any feed can point at them.
insert into taxonomy (id, name, uri, version, doc)
values ('c0a1e000-0000-4000-8000-000000000001', 'CareLoop need categories', 'https://careloop.org/taxonomies/needs',
        '1', jsonb_build_object(
            'id', 'c0a1e000-0000-4000-8000-000000000001', 'name', 'CareLoop need categories',
            'description', 'Health-related social need categories (HL7 SDOH Clinical Care value set) that CareLoop matches on.',
            'uri', 'https://careloop.org/taxonomies/needs', 'version', '1'));
insert into taxonomy_term (id, taxonomy_id, code, name, doc)
select t.id, 'c0a1e000-0000-4000-8000-000000000001', c.code, initcap(replace(c.code, '-', ' ')),
       jsonb_build_object('id', t.id, 'code', c.code, 'name', initcap(replace(c.code, '-', ' ')),
                          'description', 'Services that address ' || replace(c.code, '-', ' ') || '.',
                          'taxonomy_id', 'c0a1e000-0000-4000-8000-000000000001',
                          'term_uri', 'https://careloop.org/taxonomies/needs/' || c.code)
from need_category c
cross join lateral (select uuid_generate_v5(uuid_ns_url(), 'https://careloop.org/taxonomies/needs/' || c.code)::text as id) t;

-- How terms of other taxonomies map to need categories; operators change it through the API. taxonomy matches a
-- taxonomy's id, name or uri; term matches a term's code or name (case-insensitive), or with prefix = true any code
-- that starts with it (hierarchical codes such as 211 LA's BD-1800).
create table need_mapping (
    id         uuid primary key,
    taxonomy   text        not null check (length(taxonomy) between 1 and 256),
    term       text        not null check (length(term) between 1 and 256),
    prefix     boolean     not null default false,
    category   text        not null references need_category (code),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (taxonomy, term, prefix, category)
);

-- Recomputes the need categories of the given services from their attributes: terms of the CareLoop taxonomy by
-- code, terms of other taxonomies through need_mapping. Called by every import and every mapping change.
create function refresh_service_categories(ids text[]) returns void
language sql as $$
    delete from service_category where service_id = any (ids);
    insert into service_category (service_id, category)
    select a.link_id, t.code
    from attribute a
    join taxonomy_term t on t.id = a.taxonomy_term_id
    join need_category c on c.code = t.code
    where a.link_entity = 'service' and a.link_id = any (ids)
      and t.taxonomy_id = 'c0a1e000-0000-4000-8000-000000000001'
    union
    select a.link_id, m.category
    from attribute a
    join taxonomy_term t on t.id = a.taxonomy_term_id
    join taxonomy x on x.id = t.taxonomy_id
    join need_mapping m
      on lower(m.taxonomy) in (lower(x.id), lower(x.name), lower(coalesce(x.uri, '')))
     and (lower(m.term) in (lower(coalesce(t.code, '')), lower(t.name))
          or (m.prefix and lower(coalesce(t.code, '')) like lower(m.term) || '%'))
    where a.link_entity = 'service' and a.link_id = any (ids)
      and exists (select 1 from service s where s.id = a.link_id);
$$;

-- Today's categories become attributes pointing at CareLoop terms (ids are uuid v5 of service id and category, the
-- same that an import of the v1 bundle computes), so refreshing gives back exactly the categories there were.
insert into attribute (id, link_id, link_type, link_entity, taxonomy_term_id, doc)
select a.id, sc.service_id, 'need_category', 'service', t.id,
       jsonb_build_object('id', a.id, 'link_id', sc.service_id, 'link_type', 'need_category', 'link_entity', 'service',
                          'taxonomy_term_id', t.id)
from service_category sc
join taxonomy_term t on t.taxonomy_id = 'c0a1e000-0000-4000-8000-000000000001' and t.code = sc.category
cross join lateral (select uuid_generate_v5(uuid_ns_url(),
        'https://careloop.org/attributes/' || sc.service_id || '/need_category/' || sc.category)::text as id) a;

-- ---------------------------------------------------------------- capacity (HSDS 3.1 service_capacity and unit)

create table unit (
    id         text primary key check (length(id) between 1 and 128),
    name       text not null,
    scheme     text,
    identifier text,
    uri        text,
    doc        jsonb not null
);

-- One tracked capacity per service (CareLoop's places); the unit's name stays in service_capacity.unit.
alter table service_capacity add column unit_id text references unit (id);
alter table service_capacity add column description text;
insert into unit (id, name, doc)
select u.id, d.unit, jsonb_build_object('id', u.id, 'name', d.unit)
from (select distinct unit from service_capacity) d
cross join lateral (select uuid_generate_v5(uuid_ns_url(), 'https://careloop.org/units/' || d.unit)::text as id) u;
update service_capacity c set unit_id = u.id from unit u where u.name = c.unit and c.unit_id is null;

-- ---------------------------------------------------------------- postal codes

-- Postal-code centroids and the administrative areas that contain them: where a person's postal code is, for service
-- areas and distances. The demo region's codes ship in a later migration; operators load their own region's.
create table postal_code (
    country   text             not null default 'US',
    code      text             not null,
    locality  text,
    county    text,
    state     text,
    latitude  double precision not null check (latitude between -90 and 90),
    longitude double precision not null check (longitude between -180 and 180),
    geog      geography(Point, 4326) generated always as (
        st_setsrid(st_makepoint(longitude, latitude), 4326)::geography) stored,
    primary key (country, code)
);
create index postal_code_code on postal_code (code);
