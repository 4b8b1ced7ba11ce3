-- The match index: what the match query reads, derived from the directory (see the README, "The query and its
-- indexes", and docs/adr/0012). At 100,000 services a postal code is covered by some 20,000 of them; checking category,
-- status, age, language and capacity of each by index cost over a second per match. These tables hold, per category,
-- the active services with the facts matching filters on, so that one index range, read in ranking order, gives the
-- window of one need:
--
--   match_service (category, service_id): every active service listed under the category, with its ages, languages
--     (primary subtag -> name as published), interpretation, own radius, its capacity
--     available after holds (null: capacity unknown) and the postal codes where it serves. The path without a postal
--     code reads it.
--   match_place (postal_code, category, service_id): the same facts once per postal code where the service serves:
--     those its areas cover (covered) and, for a service without any area, those whose centroid lies within its
--     radius of one of its locations; with the distance from the code's centroid to its nearest location and the
--     pre-score of the ranking (capacity and distance parts), both fixed until capacity or the settings change. The
--     index (postal_code, category, capacity_unknown, pre desc, service_id) serves the match's order and limit.
--   match_settings: the radius and ranking settings the rows were computed with; the service writes its
--     configuration at start (configure_match_index), which recomputes the index when they differ.
--
-- refresh_match_index(ids) recomputes the rows of the given services; refresh_service_coverage (every import, every
-- change of postal codes) ends with it, the need-mapping refresh calls it. Capacity moves with every hold: statement
-- triggers on service_capacity carry `available` (and the pre-score) into the index, set-based.

create table match_settings (
    id                smallint primary key check (id = 1),
    default_radius_km double precision not null,
    max_radius_km     double precision not null,
    capacity_weight   double precision not null,
    capacity_scale    double precision not null,
    distance_weight   double precision not null,
    distance_scale_km double precision not null
);
insert into match_settings values (1, 25, 100, 0.30, 5, 0.20, 5);

create index postal_code_latitude on postal_code (latitude, longitude);

create table match_service (
    category            text    not null,
    service_id          text    not null references service (id) on delete cascade,
    organization_id     text    not null,
    minimum_age         integer,
    maximum_age         integer,
    languages           jsonb   not null,
    languages_published boolean not null,
    interpretation      boolean not null,
    radius_km           double precision,
    available           integer,
    postal_codes        text[]  not null,
    primary key (category, service_id)
);
create index match_service_service on match_service (service_id);

create table match_place (
    postal_code     text    not null,
    category        text    not null,
    service_id      text    not null,
    organization_id text    not null,
    minimum_age     integer,
    maximum_age     integer,
    languages       jsonb   not null,
    languages_published boolean not null,
    interpretation  boolean not null,
    available       integer,
    capacity_unknown boolean not null,
    covered         boolean not null,
    distance_km     double precision,
    pre             double precision not null,
    primary key (postal_code, category, service_id)
);
create index match_place_rank on match_place (postal_code, category, capacity_unknown, pre desc, service_id);

-- The pre-score of a row: the capacity and distance parts of the ranking, as the match query orders its window (the
-- other parts are per organization and ranked in Java over the window).
create function match_pre(available integer, distance_km double precision, m match_settings) returns double precision
language sql immutable as $$
    select m.capacity_weight * coalesce(available::float8 / (available + m.capacity_scale), 0)
           + m.distance_weight * case when distance_km is null then 0.5
                                      else m.distance_scale_km / (m.distance_scale_km + distance_km) end
$$;

-- match_place rows belong to a match_service row: they go when it goes (a refresh, a deleted service,
-- a truncate of the directory), without a foreign key checked on each of their millions of inserts.
create function match_index_on_service_delete() returns trigger
language plpgsql as $$
begin
    -- By primary key from the codes the service row lists (no second index on match_place to keep up).
    delete from match_place m
    using (select unnest(o.postal_codes) as postal_code, o.category, o.service_id from old_rows o) o
    where m.postal_code = o.postal_code and m.category = o.category and m.service_id = o.service_id;
    return null;
end;
$$;
create trigger match_service_delete after delete on match_service
    referencing old table as old_rows for each statement execute function match_index_on_service_delete();

create function match_index_on_service_truncate() returns trigger
language plpgsql as $$
begin
    truncate match_place;
    return null;
end;
$$;
create trigger match_service_truncate after truncate on match_service
    for each statement execute function match_index_on_service_truncate();

-- Great-circle distance in kilometres on the sphere PostGIS uses for geography without spheroid (mean radius
-- 6,371,008.8 m), by the haversine formula on degrees: the same figure as ST_Distance(a, b, false) to well under a
-- metre, at a fraction of its cost (no geography deserialisation). Null when a point is unknown; inlined.
create function great_circle_km(lat1 float8, lon1 float8, lat2 float8, lon2 float8) returns float8
language sql immutable parallel safe as $$
    select case when num_nulls(lat1, lon1, lat2, lon2) = 0
                then 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
                                                        + cos(radians(lat1)) * cos(radians(lat2))
                                                          * power(sin(radians(lon2 - lon1) / 2), 2)))) end
$$;

create function refresh_match_index(ids text[]) returns void
language plpgsql set work_mem = '256MB' as $$
declare
    v_settings match_settings;
begin
    select * into v_settings from match_settings where id = 1;
    if to_regclass('pg_temp.match_target') is null then
        create temp table match_target (id text primary key) on commit drop;
        create temp table match_facts (service_id text primary key, organization_id text, minimum_age integer,
                                       maximum_age integer, languages jsonb, languages_published boolean,
                                       interpretation boolean, radius_km double precision, has_area boolean,
                                       available integer) on commit drop;
        create temp table match_sites (service_id text primary key, latitude double precision,
                                       longitude double precision, points double precision[]) on commit drop;
        create temp table match_where (postal_code text, service_id text, covered boolean,
                                       distance_km double precision) on commit drop;
    end if;
    truncate match_target, match_facts, match_sites, match_where;
    insert into match_target select distinct i from unnest(ids) i where i is not null;
    analyze match_target;

    -- match_place follows match_service (trigger below).
    delete from match_service m using match_target t where m.service_id = t.id;

    -- The facts of each active service.
    insert into match_facts
    with lang as (
        select g.service_id,
               coalesce(jsonb_object_agg(g.tag, g.name) filter (where g.tag <> ''), '{}') as languages
        from (select distinct on (x.service_id, x.tag) x.service_id, x.tag, x.name
              from (select t.id as service_id, lower(split_part(coalesce(g.code, ''), '-', 1)) as tag, g.name
                    from match_target t join language g on g.service_id = t.id
                    union all
                    select t.id, lower(split_part(coalesce(g.code, ''), '-', 1)), g.name
                    from match_target t
                    join service_at_location sal on sal.service_id = t.id
                    join language g on g.location_id = sal.location_id) x
              order by x.service_id, x.tag, x.name desc nulls last) g
        group by g.service_id
    ),
    area as (
        select sa.service_id from match_target t join service_area sa on sa.service_id = t.id
        union
        select sal.service_id
        from match_target t
        join service_at_location sal on sal.service_id = t.id
        join service_area sa on sa.service_at_location_id = sal.id
    )
    select s.id, s.organization_id, s.minimum_age, s.maximum_age, coalesce(l.languages, '{}'),
           l.service_id is not null,
           coalesce(btrim(s.interpretation_services), '') <> '',
           case when jsonb_typeof(s.doc -> 'careloop_radius_km') = 'number'
                     and (s.doc ->> 'careloop_radius_km')::float8 > 0
                then (s.doc ->> 'careloop_radius_km')::float8 end,
           a.service_id is not null,
           cap.available
    from match_target t
    join service s on s.id = t.id and s.status = 'active'
    left join service_capacity cap on cap.service_id = s.id
    left join lang l on l.service_id = s.id
    left join area a on a.service_id = s.id;
    analyze match_facts;

    -- Their located locations: the first by id, and all of them when there are several.
    insert into match_sites
    select ss.service_id,
           (array_agg(ss.latitude order by ss.location_id))[1],
           (array_agg(ss.longitude order by ss.location_id))[1],
           case when count(distinct ss.location_id) > 1
                then array_agg(distinct array[ss.latitude, ss.longitude]) end
    from match_facts f join service_site ss on ss.service_id = f.service_id
    group by ss.service_id;
    analyze match_sites;

    -- Where each serves: the codes its areas cover, with the distance to its nearest location...
    insert into match_where
    select c.code, c.service_id, true,
           case when x.points is not null
                then (select min(great_circle_km(x.points[i][1], x.points[i][2], c.latitude, c.longitude))
                      from generate_subscripts(x.points, 1) i)
                else great_circle_km(x.latitude, x.longitude, c.latitude, c.longitude) end
    from (select distinct on (sc.postal_code, sc.service_id) sc.postal_code as code, sc.service_id,
                 p.latitude, p.longitude
          from match_facts f
          join service_coverage sc on sc.service_id = f.service_id
          join postal_code p on p.code = sc.postal_code and p.country = sc.country
          where f.has_area
          order by sc.postal_code, sc.service_id, p.country) c
    left join match_sites x on x.service_id = c.service_id;

    -- ... and, without any area, the codes whose centroid is within its radius of one of its locations (a bounding
    -- box on postal_code (latitude, longitude), then the exact distance).
    insert into match_where
    select p.code, f.service_id, false, min(great_circle_km(pt.latitude, pt.longitude, p.latitude, p.longitude))
    from match_facts f
    join match_sites x on x.service_id = f.service_id
    cross join lateral (select least(coalesce(f.radius_km, v_settings.default_radius_km),
                                     v_settings.max_radius_km) as km) r
    cross join lateral (select x.latitude, x.longitude where x.points is null
                        union all
                        select x.points[i][1], x.points[i][2] from generate_subscripts(x.points, 1) i
                        where x.points is not null) pt
    join postal_code p
      on p.latitude between pt.latitude - r.km / 111.195 and pt.latitude + r.km / 111.195
     and p.longitude between pt.longitude - r.km / (111.195 * greatest(cos(radians(pt.latitude)), 0.01))
                         and pt.longitude + r.km / (111.195 * greatest(cos(radians(pt.latitude)), 0.01))
    where not f.has_area
    group by p.code, f.service_id, r.km
    having min(great_circle_km(pt.latitude, pt.longitude, p.latitude, p.longitude)) <= r.km;

    insert into match_service (category, service_id, organization_id, minimum_age, maximum_age, languages,
                               languages_published, interpretation, radius_km, available, postal_codes)
    select c.category, f.service_id, f.organization_id, f.minimum_age, f.maximum_age, f.languages,
           f.languages_published, f.interpretation, f.radius_km, f.available,
           coalesce(w.postal_codes, '{}')
    from match_facts f
    join service_category c on c.service_id = f.service_id
    left join (select service_id, array_agg(postal_code order by postal_code) as postal_codes
               from match_where group by service_id) w on w.service_id = f.service_id;

    -- In (postal code, category) order, so that the candidates of one need lie together in the table and the keys
    -- grow at the indexes' right edge.
    insert into match_place (postal_code, category, service_id, organization_id, minimum_age, maximum_age,
                             languages, languages_published, interpretation, available, capacity_unknown, covered,
                             distance_km, pre)
    select w.postal_code, c.category, f.service_id, f.organization_id, f.minimum_age, f.maximum_age,
           f.languages, f.languages_published, f.interpretation, f.available, f.available is null, w.covered,
           w.distance_km, match_pre(f.available, w.distance_km, v_settings)
    from match_where w
    join match_facts f on f.service_id = w.service_id
    join service_category c on c.service_id = f.service_id
    order by w.postal_code, c.category, f.service_id;

    -- A large refresh (an import of thousands of services) changes the tables' statistics: the match query's plan
    -- depends on them.
    if (select count(*) from match_target) >= 5000 then
        analyze match_service;
        analyze match_place;
    end if;
end;
$$;

-- The service's radius and ranking settings (at start): when they differ from those the index was computed with, the
-- whole index is recomputed. Returns whether it was.
create function configure_match_index(p_default_radius_km double precision, p_max_radius_km double precision,
                                      p_capacity_weight double precision, p_capacity_scale double precision,
                                      p_distance_weight double precision, p_distance_scale_km double precision)
returns boolean
language plpgsql as $$
begin
    update match_settings
    set default_radius_km = p_default_radius_km, max_radius_km = p_max_radius_km,
        capacity_weight = p_capacity_weight, capacity_scale = p_capacity_scale,
        distance_weight = p_distance_weight, distance_scale_km = p_distance_scale_km
    where id = 1
      and (default_radius_km, max_radius_km, capacity_weight, capacity_scale, distance_weight, distance_scale_km)
          is distinct from (p_default_radius_km, p_max_radius_km, p_capacity_weight, p_capacity_scale,
                            p_distance_weight, p_distance_scale_km);
    if not found then
        return false;
    end if;
    perform refresh_match_index(array(select id from service));
    return true;
end;
$$;

-- Every refresh of coverage ends with the match index of the same services: V9's function keeps its body under
-- another name, and refresh_service_coverage (what imports and refresh_all_service_coverage call) runs both.
alter function refresh_service_coverage(text[]) rename to refresh_coverage_rows;

create function refresh_service_coverage(ids text[]) returns void
language plpgsql as $$
begin
    perform refresh_coverage_rows(ids);
    perform refresh_match_index(ids);
end;
$$;

-- Capacity moves (holds, reports, imports): `available` follows into the index, one update per statement.
create function match_index_on_capacity() returns trigger
language plpgsql as $$
declare
    v_settings match_settings;
    v_ids text[];
begin
    select * into v_settings from match_settings where id = 1;
    if tg_op = 'DELETE' then
        select array_agg(distinct o.service_id) into v_ids from old_rows o;
        update match_service m set available = null
        from unnest(v_ids) i(id)
        where m.service_id = i.id and m.available is not null;
    else
        select array_agg(distinct n.service_id) into v_ids from new_rows n;
        update match_service m set available = c.available
        from (select distinct on (n.service_id) n.service_id, n.available from new_rows n order by n.service_id) c
        where m.service_id = c.service_id and m.available is distinct from c.available;
    end if;
    -- By primary key from the codes the service rows list.
    update match_place m
    set available = c.available, capacity_unknown = c.available is null,
        pre = match_pre(c.available, m.distance_km, v_settings)
    from (select unnest(ms.postal_codes) as postal_code, ms.category, ms.service_id, ms.available
          from unnest(v_ids) i(id) join match_service ms on ms.service_id = i.id) c
    where m.postal_code = c.postal_code and m.category = c.category and m.service_id = c.service_id
      and m.available is distinct from c.available;
    return null;
end;
$$;
create trigger match_index_capacity_insert after insert on service_capacity
    referencing new table as new_rows for each statement execute function match_index_on_capacity();
create trigger match_index_capacity_update after update on service_capacity
    referencing new table as new_rows for each statement execute function match_index_on_capacity();
create trigger match_index_capacity_delete after delete on service_capacity
    referencing old table as old_rows for each statement execute function match_index_on_capacity();

select refresh_match_index(array(select id from service));
analyze match_service;
analyze match_place;
