-- The refreshes an import runs for the services it touched, at 100,000 services: the ids become a set that is joined
-- (by index) instead of an array compared element by element (`x = any (ids)` on a sequential scan is linear in the
-- array for every row: 100,000 service areas × 100,000 ids), and work_mem is raised for the statement so that the
-- remaining IN-subqueries are hashed. Same results as V4 and V6.

create or replace function refresh_service_coverage(ids text[]) returns void
language plpgsql set work_mem = '64MB' as $$
begin
    if to_regclass('pg_temp.coverage_target') is null then
        create temp table coverage_target (id text primary key) on commit drop;
        create temp table coverage_area (area_id text primary key, service_id text not null) on commit drop;
    end if;
    truncate coverage_target, coverage_area;
    insert into coverage_target select distinct i from unnest(ids) i where i is not null;
    analyze coverage_target;

    insert into coverage_area
    select sa.id, sa.service_id from service_area sa join coverage_target t on t.id = sa.service_id
    union
    select sa.id, sal.service_id
    from service_area sa
    join service_at_location sal on sal.id = sa.service_at_location_id
    join coverage_target t on t.id = sal.service_id;
    analyze coverage_area;

    update service_area sa
    set geom = case
                   when lower(coalesce(sa.extent_type, '')) = 'geojson' and sa.extent is not null
                       then st_geomfromgeojson(sa.extent)::geography
               end
    from coverage_area a
    where sa.id = a.area_id;

    delete from service_coverage c using coverage_target t where c.service_id = t.id;

    insert into service_coverage (postal_code, country, service_id)
    select p.code, p.country, a.service_id
    from coverage_area a
    join service_area sa on sa.id = a.area_id
    join postal_code p on sa.geom is not null and st_covers(sa.geom, p.geog)
    union
    select n.code, n.country, t.service_id
    from (select a.service_id, coalesce(sa.extent, sa.name) as area
          from coverage_area a
          join service_area sa on sa.id = a.area_id
          where sa.geom is null) t
    -- Each distinct text is resolved once: feeds repeat the same areas ("Suffolk County, MA") for many services.
    join (select d.area, n.country, n.code
          from (select distinct coalesce(sa.extent, sa.name) as area
                from coverage_area a
                join service_area sa on sa.id = a.area_id
                where sa.geom is null) d
          cross join lateral postal_codes_named(d.area) n) n on n.area = t.area
    on conflict do nothing;
end;
$$;

create or replace function refresh_service_categories(ids text[]) returns void
language sql as $$
    with target as (select distinct i as id from unnest(ids) i where i is not null)
    delete from service_category c using target t where c.service_id = t.id;
    insert into service_category (service_id, category)
    with target as (select distinct i as id from unnest(ids) i where i is not null),
         tagged as (
             select a.link_id, a.taxonomy_term_id
             from target t
             join attribute a on a.link_entity = 'service' and a.link_id = t.id)
    select g.link_id, tt.code
    from tagged g
    join taxonomy_term tt on tt.id = g.taxonomy_term_id
    join need_category c on c.code = tt.code
    where tt.taxonomy_id = 'c0a1e000-0000-4000-8000-000000000001'
    union
    select g.link_id, m.category
    from tagged g
    join taxonomy_term tt on tt.id = g.taxonomy_term_id
    join taxonomy x on x.id = tt.taxonomy_id
    join need_mapping m
      on (lower(m.taxonomy) in (lower(x.id), lower(x.name), lower(coalesce(x.uri, '')))
          or (lower(m.taxonomy) = 'open eligibility' and lower(coalesce(x.uri, '')) like '%openeligibility%'))
     and (lower(m.term) in (lower(coalesce(tt.code, '')), lower(tt.name))
          or (m.prefix and lower(coalesce(tt.code, '')) like lower(m.term) || '%'))
    where exists (select 1 from service s where s.id = g.link_id);
$$;

-- The merge of a large import hashes its IN-subqueries (sets of ids of the import) instead of rescanning them.
alter function hsds_merge(uuid, timestamptz, boolean, int, boolean) set work_mem = '128MB';

-- As V4's, with each name normalised once (not once per postal code it is compared with).
create or replace function postal_codes_named(area text) returns table (country text, code text)
language sql stable as $$
    with tokens as (
        select trim(t) as token
        from regexp_split_to_table(coalesce(area, ''), '[,;\s]+') t
        where trim(t) <> ''
    ),
    only_codes as (
        select coalesce(bool_and(token ~ '^[0-9]{3}([0-9]{2})?(-[0-9]{4})?$'), false) as yes from tokens
    ),
    codes as (
        select p.country, p.code
        from tokens k
        join postal_code p
          on p.code = split_part(k.token, '-', 1)
          or (length(k.token) = 3 and p.code like k.token || '%')
        where (select yes from only_codes)
    ),
    names as (
        select trim(n) as name
        from regexp_split_to_table(coalesce(area, ''), '[;\n]+') n
        where trim(n) <> '' and not (select yes from only_codes)
    ),
    parts as materialized (
        select place, state, regexp_replace(place, '\s+county$', '') as county_name
        from (select lower(trim(case when name ~ ',\s*[A-Za-z]{2}$' then regexp_replace(name, ',\s*[A-Za-z]{2}$', '')
                                     else name end)) as place,
                     case when name ~ ',\s*[A-Za-z]{2}$' then upper(right(name, 2)) end as state
              from names) n
    ),
    areas as (
        select p.country, p.code
        from parts a
        join postal_code p
          on (a.state is null or upper(p.state) = a.state)
         and (lower(p.locality) = a.place
              or lower(p.county) = a.place
              or lower(p.county) = a.county_name
              or (a.state is null and length(a.place) = 2 and lower(p.state) = a.place))
    )
    select country, code from codes
    union
    select country, code from areas;
$$;
