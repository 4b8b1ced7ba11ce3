-- Matching by place, age and language (see the README, "Matching by place, age and language").
--
-- screening_facts keeps what screening-completed said about the person for routing, and nothing else: the 5-digit
-- postal code, the age band and the preferred language, under the screening's id. A later match-requested for a need
-- of that screening (a re-route) matches with the same facts. Rows are purged after
-- careloop.directory.matching.facts-retention (the directory receives no consent withdrawal; the referral service
-- enforces consent on what it sends on).
create table screening_facts (
    screening_id uuid primary key,
    postal_code  text check (postal_code ~ '^[0-9]{5}$'),
    age_band     text check (age_band in ('0-17', '18-25', '26-44', '45-64', '65+')),
    language     text check (language ~ '^[a-z]{2,3}$'),
    recorded_at  timestamptz not null
);
create index screening_facts_recorded on screening_facts (recorded_at);

-- The match query starts from where the person is: the services covering the postal code (service_coverage, by its
-- primary key) and the services located within the largest radius of its centroid (location_geog, gist), then checks
-- each against the category by service_category's primary key. Without a postal code it starts from the category:
-- (category, service_id) lets that path read the category's services from the index alone.
create index service_category_category_service on service_category (category, service_id);

-- Where the services of each category are: one row per (service, category, located location), kept by triggers on
-- service_category, service_at_location and location. The btree on (category, latitude, longitude) is the match
-- query's bounding-box prefilter: it reads only the category's locations in the latitude band of the person's circle
-- (filtering longitude inside the index, service_id included: an index-only scan); the exact great-circle distance
-- is then computed for those only. At 100,000 services a 25 km circle holds some 6,000 locations, of which only the
-- category's few hundred are read.
create table service_site (
    service_id  text             not null,
    category    text             not null,
    location_id text             not null,
    latitude    double precision not null,
    longitude   double precision not null,
    geog        geography(Point, 4326) not null,
    primary key (service_id, category, location_id)
);
create index service_site_category_box on service_site (category, latitude, longitude) include (service_id);
create index service_site_location on service_site (location_id);

insert into service_site (service_id, category, location_id, latitude, longitude, geog)
select c.service_id, c.category, l.id, l.latitude, l.longitude, l.geog
from service_category c
join service_at_location sal on sal.service_id = c.service_id
join location l on l.id = sal.location_id
where l.geog is not null
on conflict do nothing;

create function service_site_on_category() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from service_site where service_id = old.service_id and category = old.category;
        return old;
    end if;
    insert into service_site (service_id, category, location_id, latitude, longitude, geog)
    select new.service_id, new.category, l.id, l.latitude, l.longitude, l.geog
    from service_at_location sal join location l on l.id = sal.location_id
    where sal.service_id = new.service_id and l.geog is not null
    on conflict do nothing;
    return new;
end;
$$;
create trigger service_site_category after insert or delete on service_category
    for each row execute function service_site_on_category();

create function service_site_on_service_at_location() returns trigger
language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        delete from service_site ss
        where ss.service_id = old.service_id and ss.location_id = old.location_id
          and not exists (select 1 from service_at_location x
                          where x.service_id = old.service_id and x.location_id = old.location_id and x.id <> old.id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into service_site (service_id, category, location_id, latitude, longitude, geog)
        select new.service_id, c.category, l.id, l.latitude, l.longitude, l.geog
        from service_category c join location l on l.id = new.location_id
        where c.service_id = new.service_id and l.geog is not null
        on conflict do nothing;
        return new;
    end if;
    return old;
end;
$$;
create trigger service_site_service_at_location after insert or update or delete on service_at_location
    for each row execute function service_site_on_service_at_location();

create function service_site_on_location() returns trigger
language plpgsql as $$
begin
    if new.geog is null then
        delete from service_site where location_id = new.id;
    elsif old.geog is null then
        insert into service_site (service_id, category, location_id, latitude, longitude, geog)
        select sal.service_id, c.category, new.id, new.latitude, new.longitude, new.geog
        from service_at_location sal join service_category c on c.service_id = sal.service_id
        where sal.location_id = new.id
        on conflict do nothing;
    else
        update service_site set latitude = new.latitude, longitude = new.longitude, geog = new.geog
        where location_id = new.id;
    end if;
    return new;
end;
$$;
create trigger service_site_location after update of latitude, longitude on location
    for each row when (old.geog is distinct from new.geog) execute function service_site_on_location();

-- Services that set their own radius (careloop_radius_km in doc) are few; the match query checks them apart.
create index service_own_radius on service (id) where jsonb_exists(doc, 'careloop_radius_km');

-- The directory's statements are short and indexed; JIT compilation (when a plan's estimated cost passes
-- jit_above_cost, as the match query's does) cost some 300 ms per match on the 100,000-service benchmark, against tens
-- of milliseconds of execution. Off for this database; a role without the right keeps the server default.
do $$
begin
    execute format('alter database %I set jit = off', current_database());
exception when insufficient_privilege then
    raise notice 'jit stays as the server sets it: no privilege to alter database %', current_database();
end;
$$;
