-- Where services serve, by postal code (see docs/adr/0011-directory-on-hsds-3-1.md).
--
-- HSDS service areas come in three kinds, all read from service_area (of the service, or of one of its
-- service_at_locations):
--   * extent_type 'geojson' (any case): extent is a GeoJSON Polygon or MultiPolygon; geom is computed from it and the
--     area covers every postal code whose centroid it contains;
--   * a list of postal codes in extent (or name), separated by commas, semicolons, spaces or new lines
--     ("02118, 02119"); a 3-digit code ("021") stands for every code it begins;
--   * administrative areas by name in extent (or name), one per line or semicolon: "Boston", "Suffolk County",
--     "Suffolk County, MA", "Boston, MA" or a state ("MA"), matched against postal_code.locality, county and state.
-- service_coverage lists, per service, the postal codes so covered: matching and /hsds?postcode read it by index.
-- A service without any service area has no rows here: where it serves is then told by its locations and radius.
-- refresh_service_coverage(ids) recomputes it for the given services; imports call it, and so does every change of
-- the postal_code table (refresh_all_service_coverage()).

create table service_coverage (
    postal_code text not null,
    country     text not null,
    service_id  text not null references service (id) on delete cascade,
    primary key (postal_code, country, service_id)
);
create index service_coverage_service on service_coverage (service_id);

-- Which postal codes a textual service area names (codes, or administrative areas); see the header.
create function postal_codes_named(area text) returns table (country text, code text)
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
    parts as (
        select lower(trim(case when name ~ ',\s*[A-Za-z]{2}$' then regexp_replace(name, ',\s*[A-Za-z]{2}$', '')
                               else name end)) as place,
               case when name ~ ',\s*[A-Za-z]{2}$' then upper(right(name, 2)) end as state
        from names
    ),
    areas as (
        select p.country, p.code
        from parts a
        join postal_code p
          on (a.state is null or upper(p.state) = a.state)
         and (lower(p.locality) = a.place
              or lower(p.county) = a.place
              or lower(p.county) || ' county' = a.place
              or lower(p.county) = regexp_replace(a.place, '\s+county$', '')
              or (a.state is null and length(a.place) = 2 and lower(p.state) = a.place))
    )
    select country, code from codes
    union
    select country, code from areas;
$$;

create function refresh_service_coverage(ids text[]) returns void
language plpgsql as $$
begin
    update service_area sa
    set geom = case
                   when lower(coalesce(sa.extent_type, '')) = 'geojson' and sa.extent is not null
                       then st_geomfromgeojson(sa.extent)::geography
               end
    where sa.service_id = any (ids)
       or sa.service_at_location_id in (select id from service_at_location where service_id = any (ids));

    delete from service_coverage where service_id = any (ids);

    insert into service_coverage (postal_code, country, service_id)
    with areas as (
        select sa.service_id, sa.name, sa.extent, sa.extent_type, sa.geom
        from service_area sa
        where sa.service_id = any (ids)
        union all
        select sal.service_id, sa.name, sa.extent, sa.extent_type, sa.geom
        from service_area sa
        join service_at_location sal on sal.id = sa.service_at_location_id
        where sal.service_id = any (ids)
    )
    select p.code, p.country, a.service_id
    from areas a
    join postal_code p on a.geom is not null and st_covers(a.geom, p.geog)
    union
    select n.code, n.country, a.service_id
    from areas a
    cross join lateral postal_codes_named(coalesce(a.extent, a.name)) n
    where a.geom is null
    on conflict do nothing;
end;
$$;

create function refresh_all_service_coverage() returns void
language sql as $$
    select refresh_service_coverage(array(select id from service));
$$;
