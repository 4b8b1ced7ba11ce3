-- HSDS import and export (see directory-service/README.md, "HSDS import and export").
--
-- An import streams its records (already validated against the HSDS JSON Schemas) into hsds_stage in batches, then
-- hsds_merge() checks the references, refuses silent moves of services between organizations, folds the objects
-- CareLoop does not model into their owner's doc and writes only what differs, all in the import's one transaction.
-- Staged rows are deleted by the merge; a failed import rolls them back with everything else.

-- The HSDS document of a capacity as the feed sent it (its own id, unit_id, description, updated...).
alter table service_capacity add column doc jsonb;

create unlogged table hsds_stage (
    import_id uuid   not null,
    seq       bigint not null,
    kind      text   not null,
    id        text   not null,
    -- The object's own fields as sent, less child objects and last_modified.
    doc       jsonb  not null,
    -- Links to other objects: from the record itself (flat forms) or from where it was nested.
    links     jsonb  not null,
    -- Where the record is in the import, e.g. services[id=...], for error messages.
    path      text   not null,
    primary key (import_id, seq)
);

-- Whether an object of the given kind exists in the current import (hsds_obj) or in the directory.
create function hsds_known(p_kind text, p_id text) returns boolean
language plpgsql stable as $$
begin
    if p_id is null then
        return false;
    end if;
    if exists (select 1 from hsds_obj o where o.kind = p_kind and o.id = p_id) then
        return true;
    end if;
    return case p_kind
        when 'organization' then exists (select 1 from organization x where x.id = p_id)
        when 'service' then exists (select 1 from service x where x.id = p_id)
        when 'location' then exists (select 1 from location x where x.id = p_id)
        when 'service_at_location' then exists (select 1 from service_at_location x where x.id = p_id)
        when 'phone' then exists (select 1 from phone x where x.id = p_id)
        when 'taxonomy' then exists (select 1 from taxonomy x where x.id = p_id)
        when 'taxonomy_term' then exists (select 1 from taxonomy_term x where x.id = p_id)
        when 'unit' then exists (select 1 from unit x where x.id = p_id)
        else false
    end;
end;
$$;

-- Integer figure of an HSDS number (ages, places); null when absent.
create function hsds_int(v text) returns integer
language sql immutable as $$
    select case when v is null then null else round(v::numeric)::integer end;
$$;

-- Merges the staged import p_import. Returns {errors, error_count} when references are broken (nothing written),
-- {moves, conflict: true} when services would change organization without p_allow_moves (nothing written), else
-- {counts, moved, touched, published}: counts per kind (created, updated, unchanged, deleted), the services whose
-- content or children changed (their last_modified is p_now, categories and coverage recomputed) and the services
-- whose availability changed (for capacity-changed). p_v1 limits what a listed service loses when the import does
-- not list it again to the v1 bundle's content: its CareLoop categories and its capacity.
create function hsds_merge(p_import uuid, p_now timestamptz, p_allow_moves boolean, p_max_errors int, p_v1 boolean)
    returns jsonb
language plpgsql as $$
declare
    v_errors  jsonb;
    v_count   int;
    v_moves   jsonb;
    v_counts  jsonb;
    v_touched text[];
    v_publish text[];
begin
    -- One object per (kind, id): an id listed several times (the same phone under a service and its location) is one
    -- object with all its links, provided every listing says the same.
    create temp table hsds_obj on commit drop as
    select s.kind, s.id, min(s.seq) as seq, min(s.path) as path, (array_agg(s.doc order by s.seq))[1] as doc,
           count(distinct s.doc) as variants, '{}'::jsonb as links
    from hsds_stage s
    where s.import_id = p_import
    group by s.kind, s.id;
    create index on hsds_obj (kind, id);
    create temp table hsds_link on commit drop as
    select s.kind, s.id, l.key, min(l.value) as value, count(distinct l.value) as n
    from hsds_stage s
    cross join lateral jsonb_each_text(s.links) l
    where s.import_id = p_import and l.value is not null
    group by s.kind, s.id, l.key;
    update hsds_obj o set links = k.links
    from (select kind, id, jsonb_object_agg(key, value) as links from hsds_link group by kind, id) k
    where k.kind = o.kind and k.id = o.id;
    delete from hsds_stage where import_id = p_import;
    analyze hsds_obj;

    create temp table hsds_err (path text, field text, message text) on commit drop;
    insert into hsds_err
    select path, '/id', 'the same ' || kind || ' id is listed with different content' from hsds_obj where variants > 1;
    insert into hsds_err
    select o.path, '/' || l.key, 'linked to ' || l.n || ' different values of ' || l.key
    from hsds_link l join hsds_obj o on o.kind = l.kind and o.id = l.id
    where l.n > 1;

    -- Links that must be there, and links that must point at an object of the import or the directory.
    insert into hsds_err
    select o.path, '/' || r.key, 'is required'
    from hsds_obj o
    join (values ('service', 'organization_id'), ('service_at_location', 'service_id'),
                 ('service_at_location', 'location_id'), ('address', 'location_id'),
                 ('attribute', 'taxonomy_term_id'), ('attribute', 'link_id'), ('attribute', 'link_entity'),
                 ('service_capacity', 'service_id'), ('service_capacity', 'unit_id')) r(kind, key)
      on r.kind = o.kind
    where o.links ->> r.key is null;
    insert into hsds_err
    select o.path, '/' || r.key, r.target || ' ' || (o.links ->> r.key) || ' does not exist'
    from hsds_obj o
    join (values ('service', 'organization_id', 'organization'), ('service_at_location', 'service_id', 'service'),
                 ('service_at_location', 'location_id', 'location'), ('address', 'location_id', 'location'),
                 ('location', 'organization_id', 'organization'), ('phone', 'organization_id', 'organization'),
                 ('phone', 'service_id', 'service'), ('phone', 'location_id', 'location'),
                 ('phone', 'service_at_location_id', 'service_at_location'), ('schedule', 'service_id', 'service'),
                 ('schedule', 'location_id', 'location'),
                 ('schedule', 'service_at_location_id', 'service_at_location'),
                 ('language', 'service_id', 'service'), ('language', 'location_id', 'location'),
                 ('language', 'phone_id', 'phone'), ('service_area', 'service_id', 'service'),
                 ('service_area', 'service_at_location_id', 'service_at_location'),
                 ('taxonomy_term', 'taxonomy_id', 'taxonomy'), ('attribute', 'taxonomy_term_id', 'taxonomy_term'),
                 ('service_capacity', 'service_id', 'service'), ('service_capacity', 'unit_id', 'unit'))
         r(kind, key, target)
      on r.kind = o.kind
    where o.links ->> r.key is not null and not hsds_known(r.target, o.links ->> r.key);
    insert into hsds_err
    select o.path, '/service_id', 'a service area needs a service_id or a service_at_location_id'
    from hsds_obj o
    where o.kind = 'service_area' and o.links ->> 'service_id' is null
      and o.links ->> 'service_at_location_id' is null;
    insert into hsds_err
    select o.path, '/maximum_age', 'must not be below minimum_age'
    from hsds_obj o
    where o.kind = 'service' and hsds_int(o.doc ->> 'maximum_age') < hsds_int(o.doc ->> 'minimum_age');
    insert into hsds_err
    select o.path, '/' || f.key, 'must not be negative'
    from hsds_obj o
    cross join (values ('minimum_age'), ('maximum_age')) f(key)
    where o.kind = 'service' and hsds_int(o.doc ->> f.key) < 0;
    insert into hsds_err
    select o.path, '/' || o.kind || '_type', 'must be physical, postal or virtual'
    from hsds_obj o
    where o.kind in ('location', 'address')
      and coalesce(o.doc ->> (o.kind || '_type'), '') not in ('physical', 'postal', 'virtual');
    insert into hsds_err
    select o.path, '/available', 'must not be negative'
    from hsds_obj o
    where o.kind = 'service_capacity' and hsds_int(o.doc ->> 'available') < 0;

    -- Objects CareLoop does not model live in their owner's doc: the first owner of the import they link to.
    create temp table hsds_fold on commit drop as
    select f.kind, f.id, f.doc, f.path, w.owner_kind, w.owner_id, w.array_key
    from hsds_obj f
    left join lateral (
        select r.owner_kind, f.links ->> r.key as owner_id, r.array_key
        from (values ('contact', 1, 'service_id', 'service', 'contacts'),
                     ('contact', 2, 'service_at_location_id', 'service_at_location', 'contacts'),
                     ('contact', 3, 'location_id', 'location', 'contacts'),
                     ('contact', 4, 'organization_id', 'organization', 'contacts'),
                     ('program', 1, 'organization_id', 'organization', 'programs'),
                     ('funding', 1, 'service_id', 'service', 'funding'),
                     ('funding', 2, 'organization_id', 'organization', 'funding'),
                     ('cost_option', 1, 'service_id', 'service', 'cost_options'),
                     ('required_document', 1, 'service_id', 'service', 'required_documents'),
                     ('accessibility', 1, 'location_id', 'location', 'accessibility'),
                     ('organization_identifier', 1, 'organization_id', 'organization', 'organization_identifiers'),
                     ('url', 1, 'service_id', 'service', 'additional_urls'),
                     ('url', 2, 'organization_id', 'organization', 'additional_websites'),
                     ('metadata', 1, 'resource_id', null, 'metadata')) r(kind, rank, key, owner_kind, array_key)
        join hsds_obj o on o.kind = coalesce(r.owner_kind, f.links ->> 'resource_type') and o.id = f.links ->> r.key
        where r.kind = f.kind
        order by r.rank
        limit 1) w on true
    where f.kind in ('contact', 'program', 'funding', 'cost_option', 'required_document', 'accessibility',
                     'organization_identifier', 'url', 'metadata');
    insert into hsds_err
    select path, '/id', 'belongs to no object of this import (' || kind || ' is kept inside its owner''s record)'
    from hsds_fold where owner_id is null;

    select count(*) into v_count from hsds_err;
    if v_count > 0 then
        select jsonb_agg(jsonb_build_object('path', e.path, 'field', e.field, 'message', e.message))
        into v_errors
        from (select * from hsds_err order by path, field limit p_max_errors) e;
        return jsonb_build_object('errors', v_errors, 'error_count', v_count);
    end if;

    -- Moving a service to another organization re-routes its referrals: only when asked.
    select coalesce(jsonb_agg(jsonb_build_object('service_id', s.id, 'current_organization_id', s.organization_id,
                                                 'new_organization_id', o.links ->> 'organization_id')
                              order by s.id), '[]')
    into v_moves
    from hsds_obj o join service s on s.id = o.id
    where o.kind = 'service' and s.organization_id <> o.links ->> 'organization_id';
    if jsonb_array_length(v_moves) > 0 and not p_allow_moves then
        return jsonb_build_object('conflict', true, 'moves', v_moves);
    end if;

    update hsds_obj o set doc = o.doc || a.docs
    from (select owner_kind, owner_id, jsonb_object_agg(array_key, items) as docs
          from (select owner_kind, owner_id, array_key, jsonb_agg(doc order by id) as items
                from hsds_fold group by owner_kind, owner_id, array_key) g
          group by owner_kind, owner_id) a
    where o.kind = a.owner_kind and o.id = a.owner_id;

    -- Locks the listed services (in id order, as holds do) against concurrent holds and reports.
    perform 1 from service where id in (select id from hsds_obj where kind = 'service') order by id for no key update;
    create temp table hsds_before on commit drop as
    select s.id, s.status, s.organization_id,
           (select coalesce(array_agg(c.category order by c.category), '{}') from service_category c
            where c.service_id = s.id) as categories
    from service s where s.id in (select id from hsds_obj where kind = 'service');

    -- news: a change that matters to matching (capacity figures reported or gone), for capacity-changed.
    create temp table hsds_changed (kind text, id text, created boolean, deleted boolean, links jsonb,
                                    news boolean not null default false) on commit drop;

    with up as (
        insert into taxonomy as t (id, name, uri, version, doc)
        select id, doc ->> 'name', doc ->> 'uri', doc ->> 'version', doc from hsds_obj where kind = 'taxonomy'
        on conflict (id) do update set name = excluded.name, uri = excluded.uri, version = excluded.version,
                                       doc = excluded.doc
        where (t.name, t.uri, t.version, t.doc) is distinct from (excluded.name, excluded.uri, excluded.version,
                                                                  excluded.doc)
        returning t.id, xmax = 0 as created)
    insert into hsds_changed select 'taxonomy', id, created, false, '{}' from up;

    with up as (
        insert into taxonomy_term as t (id, taxonomy_id, parent_id, code, name, doc)
        select id, links ->> 'taxonomy_id', doc ->> 'parent_id', doc ->> 'code', doc ->> 'name', doc
        from hsds_obj where kind = 'taxonomy_term'
        on conflict (id) do update set taxonomy_id = excluded.taxonomy_id, parent_id = excluded.parent_id,
                                       code = excluded.code, name = excluded.name, doc = excluded.doc
        where (t.taxonomy_id, t.parent_id, t.code, t.name, t.doc)
              is distinct from (excluded.taxonomy_id, excluded.parent_id, excluded.code, excluded.name, excluded.doc)
        returning t.id, xmax = 0 as created)
    insert into hsds_changed select 'taxonomy_term', id, created, false, '{}' from up;

    with up as (
        insert into organization as t (id, name, description, email, website, doc, last_modified)
        select id, doc ->> 'name', doc ->> 'description', doc ->> 'email', doc ->> 'website', doc, p_now
        from hsds_obj where kind = 'organization'
        on conflict (id) do update set name = excluded.name, description = excluded.description,
                                       email = excluded.email, website = excluded.website, doc = excluded.doc,
                                       last_modified = excluded.last_modified
        where (t.name, t.description, t.email, t.website, t.doc)
              is distinct from (excluded.name, excluded.description, excluded.email, excluded.website, excluded.doc)
        returning t.id, xmax = 0 as created)
    insert into hsds_changed select 'organization', id, created, false, '{}' from up;

    with up as (
        insert into unit as t (id, name, scheme, identifier, uri, doc)
        select id, doc ->> 'name', doc ->> 'scheme', doc ->> 'identifier', doc ->> 'uri', doc
        from hsds_obj where kind = 'unit'
        on conflict (id) do update set name = excluded.name, scheme = excluded.scheme,
                                       identifier = excluded.identifier, uri = excluded.uri, doc = excluded.doc
        where (t.name, t.scheme, t.identifier, t.uri, t.doc)
              is distinct from (excluded.name, excluded.scheme, excluded.identifier, excluded.uri, excluded.doc)
        returning t.id, xmax = 0 as created)
    insert into hsds_changed select 'unit', id, created, false, '{}' from up;

    with up as (
        insert into service as t (id, organization_id, name, description, status, eligibility_description,
                                  minimum_age, maximum_age, assured_date, interpretation_services, doc, last_modified)
        select id, links ->> 'organization_id', doc ->> 'name', doc ->> 'description', doc ->> 'status',
               doc ->> 'eligibility_description', hsds_int(doc ->> 'minimum_age'), hsds_int(doc ->> 'maximum_age'),
               (doc ->> 'assured_date')::date, doc ->> 'interpretation_services', doc, p_now
        from hsds_obj where kind = 'service'
        on conflict (id) do update set organization_id = excluded.organization_id, name = excluded.name,
            description = excluded.description, status = excluded.status,
            eligibility_description = excluded.eligibility_description, minimum_age = excluded.minimum_age,
            maximum_age = excluded.maximum_age, assured_date = excluded.assured_date,
            interpretation_services = excluded.interpretation_services, doc = excluded.doc,
            last_modified = excluded.last_modified
        where (t.organization_id, t.name, t.description, t.status, t.eligibility_description, t.minimum_age,
               t.maximum_age, t.assured_date, t.interpretation_services, t.doc)
              is distinct from (excluded.organization_id, excluded.name, excluded.description, excluded.status,
                                excluded.eligibility_description, excluded.minimum_age, excluded.maximum_age,
                                excluded.assured_date, excluded.interpretation_services, excluded.doc)
        returning t.id, xmax = 0 as created)
    insert into hsds_changed select 'service', id, created, false, '{}' from up;

    -- Coordinates outside WGS 84 (Open Referral's examples have some) stay in doc but place nothing.
    with up as (
        insert into location as t (id, organization_id, location_type, name, latitude, longitude, doc, last_modified)
        select id, links ->> 'organization_id', doc ->> 'location_type', doc ->> 'name',
               case when (doc ->> 'latitude')::float8 between -90 and 90
                     and (doc ->> 'longitude')::float8 between -180 and 180 then (doc ->> 'latitude')::float8 end,
               case when (doc ->> 'latitude')::float8 between -90 and 90
                     and (doc ->> 'longitude')::float8 between -180 and 180 then (doc ->> 'longitude')::float8 end,
               doc, p_now
        from hsds_obj where kind = 'location'
        on conflict (id) do update set organization_id = excluded.organization_id,
            location_type = excluded.location_type, name = excluded.name, latitude = excluded.latitude,
            longitude = excluded.longitude, doc = excluded.doc, last_modified = excluded.last_modified
        where (t.organization_id, t.location_type, t.name, t.latitude, t.longitude, t.doc)
              is distinct from (excluded.organization_id, excluded.location_type, excluded.name, excluded.latitude,
                                excluded.longitude, excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_build_object('organization_id', t.organization_id) as links)
    insert into hsds_changed select 'location', id, created, false, links from up;

    with up as (
        insert into service_at_location as t (id, service_id, location_id, doc)
        select id, links ->> 'service_id', links ->> 'location_id', doc from hsds_obj where kind = 'service_at_location'
        on conflict (id) do update set service_id = excluded.service_id, location_id = excluded.location_id,
                                       doc = excluded.doc
        where (t.service_id, t.location_id, t.doc) is distinct from (excluded.service_id, excluded.location_id,
                                                                    excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_build_object('service_id', t.service_id) as links)
    insert into hsds_changed select 'service_at_location', id, created, false, links from up;

    with up as (
        insert into address as t (id, location_id, address_type, city, state_province, postal_code, country, doc)
        select id, links ->> 'location_id', doc ->> 'address_type', doc ->> 'city', doc ->> 'state_province',
               doc ->> 'postal_code', doc ->> 'country', doc
        from hsds_obj where kind = 'address'
        on conflict (id) do update set location_id = excluded.location_id, address_type = excluded.address_type,
            city = excluded.city, state_province = excluded.state_province, postal_code = excluded.postal_code,
            country = excluded.country, doc = excluded.doc
        where (t.location_id, t.address_type, t.city, t.state_province, t.postal_code, t.country, t.doc)
              is distinct from (excluded.location_id, excluded.address_type, excluded.city, excluded.state_province,
                                excluded.postal_code, excluded.country, excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_build_object('location_id', t.location_id) as links)
    insert into hsds_changed select 'address', id, created, false, links from up;

    with up as (
        insert into phone as t (id, organization_id, service_id, location_id, service_at_location_id, contact_id,
                                number, doc)
        select id, links ->> 'organization_id', links ->> 'service_id', links ->> 'location_id',
               links ->> 'service_at_location_id', links ->> 'contact_id', doc ->> 'number', doc
        from hsds_obj where kind = 'phone'
        on conflict (id) do update set organization_id = excluded.organization_id,
            service_id = excluded.service_id, location_id = excluded.location_id,
            service_at_location_id = excluded.service_at_location_id, contact_id = excluded.contact_id,
            number = excluded.number, doc = excluded.doc
        where (t.organization_id, t.service_id, t.location_id, t.service_at_location_id, t.contact_id, t.number,
               t.doc)
              is distinct from (excluded.organization_id, excluded.service_id, excluded.location_id,
                                excluded.service_at_location_id, excluded.contact_id, excluded.number, excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_strip_nulls(jsonb_build_object(
            'organization_id', t.organization_id, 'service_id', t.service_id, 'location_id', t.location_id,
            'service_at_location_id', t.service_at_location_id)) as links)
    insert into hsds_changed select 'phone', id, created, false, links from up;

    with up as (
        insert into schedule as t (id, service_id, location_id, service_at_location_id, doc)
        select id, links ->> 'service_id', links ->> 'location_id', links ->> 'service_at_location_id', doc
        from hsds_obj where kind = 'schedule'
        on conflict (id) do update set service_id = excluded.service_id, location_id = excluded.location_id,
            service_at_location_id = excluded.service_at_location_id, doc = excluded.doc
        where (t.service_id, t.location_id, t.service_at_location_id, t.doc)
              is distinct from (excluded.service_id, excluded.location_id, excluded.service_at_location_id,
                                excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_strip_nulls(jsonb_build_object(
            'service_id', t.service_id, 'location_id', t.location_id,
            'service_at_location_id', t.service_at_location_id)) as links)
    insert into hsds_changed select 'schedule', id, created, false, links from up;

    with up as (
        insert into language as t (id, service_id, location_id, phone_id, code, name, doc)
        select id, links ->> 'service_id', links ->> 'location_id', links ->> 'phone_id', doc ->> 'code',
               doc ->> 'name', doc
        from hsds_obj where kind = 'language'
        on conflict (id) do update set service_id = excluded.service_id, location_id = excluded.location_id,
            phone_id = excluded.phone_id, code = excluded.code, name = excluded.name, doc = excluded.doc
        where (t.service_id, t.location_id, t.phone_id, t.code, t.name, t.doc)
              is distinct from (excluded.service_id, excluded.location_id, excluded.phone_id, excluded.code,
                                excluded.name, excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_strip_nulls(jsonb_build_object(
            'service_id', t.service_id, 'location_id', t.location_id)) as links)
    insert into hsds_changed select 'language', id, created, false, links from up;

    -- extent_type is kept as a typed column only for extents that can be read (see the import's GeoJSON check).
    with up as (
        insert into service_area as t (id, service_id, service_at_location_id, name, extent, extent_type, doc)
        select id, links ->> 'service_id', links ->> 'service_at_location_id', doc ->> 'name', doc ->> 'extent',
               case when links ->> 'placeholder_extent' is null then doc ->> 'extent_type' end, doc
        from hsds_obj where kind = 'service_area'
        on conflict (id) do update set service_id = excluded.service_id,
            service_at_location_id = excluded.service_at_location_id, name = excluded.name,
            extent = excluded.extent, extent_type = excluded.extent_type, doc = excluded.doc
        where (t.service_id, t.service_at_location_id, t.name, t.extent, t.extent_type, t.doc)
              is distinct from (excluded.service_id, excluded.service_at_location_id, excluded.name, excluded.extent,
                                excluded.extent_type, excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_strip_nulls(jsonb_build_object(
            'service_id', t.service_id, 'service_at_location_id', t.service_at_location_id)) as links)
    insert into hsds_changed select 'service_area', id, created, false, links from up;

    with up as (
        insert into attribute as t (id, link_id, link_type, link_entity, taxonomy_term_id, value, doc)
        select id, links ->> 'link_id', doc ->> 'link_type', links ->> 'link_entity', links ->> 'taxonomy_term_id',
               doc ->> 'value', doc
        from hsds_obj where kind = 'attribute'
        on conflict (id) do update set link_id = excluded.link_id, link_type = excluded.link_type,
            link_entity = excluded.link_entity, taxonomy_term_id = excluded.taxonomy_term_id,
            value = excluded.value, doc = excluded.doc
        where (t.link_id, t.link_type, t.link_entity, t.taxonomy_term_id, t.value, t.doc)
              is distinct from (excluded.link_id, excluded.link_type, excluded.link_entity,
                                excluded.taxonomy_term_id, excluded.value, excluded.doc)
        returning t.id, xmax = 0 as created, jsonb_build_object('link_entity', t.link_entity,
                                                                'link_id', t.link_id) as links)
    insert into hsds_changed select 'attribute', id, created, false, links from up;

    -- Children of the listed objects that the import no longer lists are gone (a v1 bundle only carries categories
    -- and capacity, so it only replaces those).
    if not p_v1 then
        with gone as (
            delete from service_at_location x
            where x.service_id in (select id from hsds_obj where kind = 'service')
              and not exists (select 1 from hsds_obj o where o.kind = 'service_at_location' and o.id = x.id)
            returning x.id, jsonb_build_object('service_id', x.service_id) as links)
        insert into hsds_changed select 'service_at_location', id, false, true, links from gone;
        with gone as (
            delete from address x
            where x.location_id in (select id from hsds_obj where kind = 'location')
              and not exists (select 1 from hsds_obj o where o.kind = 'address' and o.id = x.id)
            returning x.id, jsonb_build_object('location_id', x.location_id) as links)
        insert into hsds_changed select 'address', id, false, true, links from gone;
        with gone as (
            delete from phone x
            where (x.service_id in (select id from hsds_obj where kind = 'service')
                   or x.organization_id in (select id from hsds_obj where kind = 'organization')
                   or x.location_id in (select id from hsds_obj where kind = 'location')
                   or x.service_at_location_id in (select id from hsds_obj where kind = 'service_at_location'))
              and not exists (select 1 from hsds_obj o where o.kind = 'phone' and o.id = x.id)
            returning x.id, jsonb_strip_nulls(jsonb_build_object(
                'organization_id', x.organization_id, 'service_id', x.service_id, 'location_id', x.location_id,
                'service_at_location_id', x.service_at_location_id)) as links)
        insert into hsds_changed select 'phone', id, false, true, links from gone;
        with gone as (
            delete from schedule x
            where (x.service_id in (select id from hsds_obj where kind = 'service')
                   or x.location_id in (select id from hsds_obj where kind = 'location')
                   or x.service_at_location_id in (select id from hsds_obj where kind = 'service_at_location'))
              and not exists (select 1 from hsds_obj o where o.kind = 'schedule' and o.id = x.id)
            returning x.id, jsonb_strip_nulls(jsonb_build_object(
                'service_id', x.service_id, 'location_id', x.location_id,
                'service_at_location_id', x.service_at_location_id)) as links)
        insert into hsds_changed select 'schedule', id, false, true, links from gone;
        with gone as (
            delete from language x
            where (x.service_id in (select id from hsds_obj where kind = 'service')
                   or x.location_id in (select id from hsds_obj where kind = 'location')
                   or x.phone_id in (select id from hsds_obj where kind = 'phone'))
              and not exists (select 1 from hsds_obj o where o.kind = 'language' and o.id = x.id)
            returning x.id, jsonb_strip_nulls(jsonb_build_object(
                'service_id', x.service_id, 'location_id', x.location_id)) as links)
        insert into hsds_changed select 'language', id, false, true, links from gone;
        with gone as (
            delete from service_area x
            where (x.service_id in (select id from hsds_obj where kind = 'service')
                   or x.service_at_location_id in (select id from hsds_obj where kind = 'service_at_location'))
              and not exists (select 1 from hsds_obj o where o.kind = 'service_area' and o.id = x.id)
            returning x.id, jsonb_strip_nulls(jsonb_build_object(
                'service_id', x.service_id, 'service_at_location_id', x.service_at_location_id)) as links)
        insert into hsds_changed select 'service_area', id, false, true, links from gone;
    end if;
    with gone as (
        delete from attribute x
        where exists (select 1 from hsds_obj o where o.kind = x.link_entity and o.id = x.link_id
                                                  and (not p_v1 or o.kind = 'service'))
          and (not p_v1 or x.taxonomy_term_id in (select id from taxonomy_term
                                                  where taxonomy_id = 'c0a1e000-0000-4000-8000-000000000001'))
          and not exists (select 1 from hsds_obj o where o.kind = 'attribute' and o.id = x.id)
        returning x.id, jsonb_build_object('link_entity', x.link_entity, 'link_id', x.link_id) as links)
    insert into hsds_changed select 'attribute', id, false, true, links from gone;

    -- Capacity: a service's first HSDS service_capacity is its CareLoop capacity. Figures that differ from the last
    -- reported ones are a new report (baseline = reported + held now, updated = now), as the v1 import does.
    create temp table hsds_cap on commit drop as
    select distinct on (o.links ->> 'service_id')
           o.id, o.links ->> 'service_id' as service_id, u.name as unit, o.links ->> 'unit_id' as unit_id,
           hsds_int(o.doc ->> 'available') as available,
           case when hsds_int(o.doc ->> 'maximum') >= hsds_int(o.doc ->> 'available')
                then hsds_int(o.doc ->> 'maximum') end as maximum,
           o.doc ->> 'description' as description, o.doc
    from hsds_obj o
    join unit u on u.id = o.links ->> 'unit_id'
    where o.kind = 'service_capacity'
    order by o.links ->> 'service_id', o.seq;
    with up as (
        insert into service_capacity as t (id, service_id, unit, reported_available, maximum, baseline, held, updated,
                                           unit_id, description, doc)
        select case when c.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                         and not exists (select 1 from service_capacity x where x.id = c.id::uuid)
                    then c.id::uuid
                    else uuid_generate_v5(uuid_ns_url(), 'https://careloop.org/capacities/' || c.service_id) end,
               c.service_id, c.unit, c.available, c.maximum, c.available + h.held, h.held, p_now, c.unit_id,
               c.description, c.doc
        from hsds_cap c
        cross join lateral (select count(*)::int as held from capacity_hold ch
                            where ch.service_id = c.service_id and ch.state <> 'RELEASED') h
        on conflict (service_id) do update set
            baseline = case when (t.unit, t.reported_available, t.maximum)
                                 is distinct from (excluded.unit, excluded.reported_available, excluded.maximum)
                            then excluded.reported_available + t.held else t.baseline end,
            updated = case when (t.unit, t.reported_available, t.maximum)
                                is distinct from (excluded.unit, excluded.reported_available, excluded.maximum)
                           then excluded.updated else t.updated end,
            unit = excluded.unit, reported_available = excluded.reported_available, maximum = excluded.maximum,
            unit_id = excluded.unit_id, description = excluded.description, doc = excluded.doc
        where (t.unit, t.reported_available, t.maximum, t.unit_id, t.description, t.doc)
              is distinct from (excluded.unit, excluded.reported_available, excluded.maximum, excluded.unit_id,
                                excluded.description, excluded.doc)
        returning t.id::text as id, xmax = 0 as created, t.updated = p_now as reported,
                  jsonb_build_object('service_id', t.service_id) as links)
    insert into hsds_changed select 'service_capacity', id, created, false, links, reported from up;
    with gone as (
        delete from service_capacity x
        where x.service_id in (select id from hsds_obj where kind = 'service')
          and x.service_id not in (select service_id from hsds_cap)
        returning x.id::text as id, jsonb_build_object('service_id', x.service_id) as links)
    insert into hsds_changed select 'service_capacity', id, false, true, links, true from gone;

    -- A service or organization changed when it or one of its children did.
    select coalesce(array_agg(distinct sid), '{}') into v_touched
    from (select id as sid from hsds_changed where kind = 'service'
          union all select links ->> 'service_id' from hsds_changed where links ->> 'service_id' is not null
          union all select links ->> 'link_id' from hsds_changed where kind = 'attribute'
                                                               and links ->> 'link_entity' = 'service'
          union all select sal.service_id from service_at_location sal
                    where sal.id in (select links ->> 'service_at_location_id' from hsds_changed
                                     union all select id from hsds_changed where kind = 'service_at_location'
                                     union all select links ->> 'link_id' from hsds_changed
                                               where kind = 'attribute'
                                                 and links ->> 'link_entity' = 'service_at_location')
                       or sal.location_id in (select links ->> 'location_id' from hsds_changed
                                              union all select id from hsds_changed where kind = 'location')) t
    where sid is not null and exists (select 1 from service s where s.id = sid);
    update service set last_modified = p_now where id = any (v_touched) and last_modified <> p_now;
    update organization set last_modified = p_now
    where last_modified <> p_now
      and id in (select links ->> 'organization_id' from hsds_changed where kind in ('phone', 'location')
                 union all select links ->> 'link_id' from hsds_changed
                           where kind = 'attribute' and links ->> 'link_entity' = 'organization');
    update location set last_modified = p_now
    where last_modified <> p_now
      and id in (select links ->> 'location_id' from hsds_changed where kind in ('address', 'phone', 'schedule',
                                                                                  'language'));

    perform refresh_service_categories(v_touched);
    perform refresh_service_coverage(v_touched);

    -- Availability changed: new services, status, organization or categories changed, capacity reported or gone.
    select coalesce(array_agg(distinct sid order by sid), '{}') into v_publish
    from (select s.id as sid
          from service s left join hsds_before b on b.id = s.id
          where s.id = any (v_touched)
            and (b.id is null or b.status <> s.status or b.organization_id <> s.organization_id
                 or b.categories <> (select coalesce(array_agg(c.category order by c.category), '{}')
                                     from service_category c where c.service_id = s.id))
          union all
          select links ->> 'service_id' from hsds_changed where kind = 'service_capacity' and news) t;

    select coalesce(jsonb_object_agg(kind, jsonb_build_object(
               'created', created, 'updated', updated, 'unchanged', greatest(listed - created - updated, 0),
               'deleted', deleted)), '{}')
    into v_counts
    from (select k.kind,
                 (select count(*) from hsds_obj o where o.kind = k.kind) as listed,
                 count(c.id) filter (where c.created) as created,
                 count(c.id) filter (where not c.created and not c.deleted) as updated,
                 count(c.id) filter (where c.deleted) as deleted
          from (select distinct kind from hsds_obj union select distinct kind from hsds_changed) k
          left join hsds_changed c on c.kind = k.kind
          group by k.kind) x;

    return jsonb_build_object('counts', v_counts, 'moved', case when p_allow_moves then v_moves else '[]' end,
                              'touched', to_jsonb(v_touched), 'published', to_jsonb(v_publish));
end;
$$;

-- A need mapping for a taxonomy named 'Open Eligibility' also applies to any taxonomy whose uri names
-- openeligibility (feeds name it differently).
create or replace function refresh_service_categories(ids text[]) returns void
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
      on (lower(m.taxonomy) in (lower(x.id), lower(x.name), lower(coalesce(x.uri, '')))
          or (lower(m.taxonomy) = 'open eligibility' and lower(coalesce(x.uri, '')) like '%openeligibility%'))
     and (lower(m.term) in (lower(coalesce(t.code, '')), lower(t.name))
          or (m.prefix and lower(coalesce(t.code, '')) like lower(m.term) || '%'))
    where a.link_entity = 'service' and a.link_id = any (ids)
      and exists (select 1 from service s where s.id = a.link_id);
$$;

-- Open Eligibility terms (https://github.com/openreferral/openeligibility) mapped to the need categories by name.
insert into need_mapping (id, taxonomy, term, prefix, category, created_at, updated_at)
select uuid_generate_v5(uuid_ns_url(), 'https://careloop.org/need-mappings/open-eligibility/' || m.term || '/'
                                           || m.category),
       'Open Eligibility', m.term, false, m.category, now(), now()
from (values ('Food', 'food-insecurity'), ('Emergency Food', 'food-insecurity'), ('Food Pantry', 'food-insecurity'),
             ('Meals', 'food-insecurity'), ('Food Delivery', 'food-insecurity'),
             ('Help Pay for Food', 'food-insecurity'),
             ('Housing', 'housing-instability'), ('Help Pay for Housing', 'housing-instability'),
             ('Housing Advice', 'housing-instability'), ('Shelter', 'homelessness'),
             ('Emergency Shelter', 'homelessness'), ('Help Find Housing', 'homelessness'),
             ('Home Repair & Maintenance', 'inadequate-housing'),
             ('Transportation', 'transportation-insecurity'), ('Transit', 'transportation-insecurity'),
             ('Help Pay for Transit', 'transportation-insecurity'),
             ('Utilities', 'utility-insecurity'), ('Help Pay for Utilities', 'utility-insecurity'),
             ('Money', 'financial-insecurity'), ('Financial Assistance', 'financial-insecurity'),
             ('Government Benefits', 'financial-insecurity'), ('Goods', 'material-hardship'),
             ('Clothing', 'material-hardship'), ('Safety', 'intimate-partner-violence'),
             ('Abuse', 'intimate-partner-violence'), ('Domestic Violence', 'intimate-partner-violence'),
             ('Work', 'employment-status'), ('Employment', 'employment-status'),
             ('Education', 'educational-attainment'), ('Health Insurance', 'health-insurance-coverage-status'),
             ('Help Pay for Healthcare', 'medical-cost-burden'),
             ('Computer Class', 'digital-literacy'), ('Translation & Interpretation', 'language-access'))
     m(term, category)
on conflict do nothing;

-- ---------------------------------------------------------------- export: documents with their child objects

create function hsds_iso(t timestamptz) returns text
language sql immutable as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
$$;

-- doc with key = value, unless value is null (empty child lists are left out, as feeds do).
create function hsds_put(doc jsonb, key text, value jsonb) returns jsonb
language sql immutable as $$
    select case when value is null then doc else doc || jsonb_build_object(key, value) end;
$$;

create function hsds_taxonomy_term_json(p_id text) returns jsonb
language sql stable as $$
    select hsds_put(t.doc, 'taxonomy_detail', (select x.doc from taxonomy x where x.id = t.taxonomy_id))
    from taxonomy_term t where t.id = p_id;
$$;

create function hsds_attributes_json(p_entity text, p_id text) returns jsonb
language sql stable as $$
    select jsonb_agg(hsds_put(a.doc, 'taxonomy_term', hsds_taxonomy_term_json(a.taxonomy_term_id)) order by a.id)
    from attribute a where a.link_entity = p_entity and a.link_id = p_id;
$$;

create function hsds_languages_json(p_column text, p_id text) returns jsonb
language sql stable as $$
    select jsonb_agg(l.doc order by l.id)
    from language l
    where case p_column when 'service_id' then l.service_id when 'location_id' then l.location_id
                        else l.phone_id end = p_id;
$$;

create function hsds_phones_json(p_column text, p_id text) returns jsonb
language sql stable as $$
    select jsonb_agg(hsds_put(hsds_put(p.doc, 'languages', hsds_languages_json('phone_id', p.id)),
                              'attributes', hsds_attributes_json('phone', p.id)) order by p.id)
    from phone p
    where case p_column when 'organization_id' then p.organization_id when 'service_id' then p.service_id
                        when 'location_id' then p.location_id else p.service_at_location_id end = p_id;
$$;

create function hsds_schedules_json(p_column text, p_id text) returns jsonb
language sql stable as $$
    select jsonb_agg(hsds_put(s.doc, 'attributes', hsds_attributes_json('schedule', s.id)) order by s.id)
    from schedule s
    where case p_column when 'service_id' then s.service_id when 'location_id' then s.location_id
                        else s.service_at_location_id end = p_id;
$$;

create function hsds_service_areas_json(p_column text, p_id text) returns jsonb
language sql stable as $$
    select jsonb_agg(hsds_put(a.doc, 'attributes', hsds_attributes_json('service_area', a.id)) order by a.id)
    from service_area a
    where case p_column when 'service_id' then a.service_id else a.service_at_location_id end = p_id;
$$;

create function hsds_location_json(p_id text) returns jsonb
language sql stable as $$
    select hsds_put(hsds_put(hsds_put(hsds_put(hsds_put(l.doc,
               'addresses', (select jsonb_agg(hsds_put(a.doc, 'attributes', hsds_attributes_json('address', a.id))
                                              order by a.id) from address a where a.location_id = l.id)),
               'phones', hsds_phones_json('location_id', l.id)),
               'schedules', hsds_schedules_json('location_id', l.id)),
               'languages', hsds_languages_json('location_id', l.id)),
               'attributes', hsds_attributes_json('location', l.id))
    from location l where l.id = p_id;
$$;

create function hsds_service_at_location_json(p_id text) returns jsonb
language sql stable as $$
    select hsds_put(hsds_put(hsds_put(hsds_put(hsds_put(s.doc,
               'location', hsds_location_json(s.location_id)),
               'phones', hsds_phones_json('service_at_location_id', s.id)),
               'schedules', hsds_schedules_json('service_at_location_id', s.id)),
               'service_areas', hsds_service_areas_json('service_at_location_id', s.id)),
               'attributes', hsds_attributes_json('service_at_location', s.id))
    from service_at_location s where s.id = p_id;
$$;

-- A service's capacity as HSDS service_capacity, with CareLoop's available after holds.
create function hsds_capacities_json(p_service text) returns jsonb
language sql stable as $$
    select jsonb_agg(hsds_put(
               jsonb_build_object('updated', hsds_iso(c.updated))
               || coalesce(c.doc, jsonb_strip_nulls(jsonb_build_object(
                      'id', c.id::text, 'maximum', c.maximum, 'description', c.description)))
               || jsonb_build_object('available', c.available),
               'unit', coalesce((select u.doc from unit u where u.id = c.unit_id),
                                jsonb_build_object('id', c.unit_id, 'name', c.unit))))
    from service_capacity c where c.service_id = p_service;
$$;

create function hsds_service_json(p_id text) returns jsonb
language sql stable as $$
    select hsds_put(hsds_put(hsds_put(hsds_put(hsds_put(hsds_put(hsds_put(
               s.doc || jsonb_build_object('last_modified', hsds_iso(s.last_modified)),
               'service_at_locations', (select jsonb_agg(hsds_service_at_location_json(x.id) order by x.id)
                                        from service_at_location x where x.service_id = s.id)),
               'phones', hsds_phones_json('service_id', s.id)),
               'schedules', hsds_schedules_json('service_id', s.id)),
               'service_areas', hsds_service_areas_json('service_id', s.id)),
               'languages', hsds_languages_json('service_id', s.id)),
               'capacities', hsds_capacities_json(s.id)),
               'attributes', hsds_attributes_json('service', s.id))
    from service s where s.id = p_id;
$$;

-- An organization with its services; with p_since, only the services modified after it.
create function hsds_organization_json(p_id text, p_since timestamptz) returns jsonb
language sql stable as $$
    select hsds_put(hsds_put(hsds_put(hsds_put(
               o.doc || jsonb_build_object('last_modified', hsds_iso(o.last_modified)),
               'phones', hsds_phones_json('organization_id', o.id)),
               'locations', (select jsonb_agg(hsds_location_json(l.id) order by l.id)
                             from location l where l.organization_id = o.id)),
               'attributes', hsds_attributes_json('organization', o.id)),
               'services', (select jsonb_agg(hsds_service_json(s.id) order by s.id)
                            from service s
                            where s.organization_id = o.id and (p_since is null or s.last_modified > p_since)))
    from organization o where o.id = p_id;
$$;

-- The organizations to export after p_after (by id): all, or those changed after p_since or with services that did.
create function hsds_export_organizations(p_since timestamptz, p_after text, p_limit int) returns setof jsonb
language sql stable as $$
    select hsds_organization_json(o.id, p_since)
    from organization o
    where o.id > p_after
      and (p_since is null or o.last_modified > p_since
           or exists (select 1 from service s where s.organization_id = o.id and s.last_modified > p_since))
    order by o.id
    limit p_limit;
$$;

-- One page of a flat table (doc with its links, by id), in the scope of an export since p_since: the organizations
-- and services changed after it and their child objects (all rows without p_since).
create function hsds_export_flat(p_kind text, p_since timestamptz, p_after text, p_limit int) returns setof jsonb
language plpgsql as $$
begin
    create temp table if not exists hsds_scope (kind text, id text) on commit drop;
    if p_since is not null then
        if not exists (select 1 from hsds_scope where kind = '#since' and id = p_since::text) then
            delete from hsds_scope;
            insert into hsds_scope values ('#since', p_since::text);
            insert into hsds_scope select 'service', id from service where last_modified > p_since;
            insert into hsds_scope
            select 'organization', id from organization
            where last_modified > p_since
               or id in (select s.organization_id from service s where s.last_modified > p_since);
            insert into hsds_scope
            select 'service_at_location', x.id from service_at_location x
            where x.service_id in (select id from hsds_scope where kind = 'service');
            insert into hsds_scope
            select 'location', l.id from location l
            where l.organization_id in (select id from hsds_scope where kind = 'organization')
               or l.id in (select x.location_id from service_at_location x
                           join hsds_scope k on k.kind = 'service_at_location' and k.id = x.id);
            insert into hsds_scope
            select 'phone', p.id from phone p
            where p.organization_id in (select id from hsds_scope where kind = 'organization')
               or p.service_id in (select id from hsds_scope where kind = 'service')
               or p.location_id in (select id from hsds_scope where kind = 'location')
               or p.service_at_location_id in (select id from hsds_scope where kind = 'service_at_location');
            insert into hsds_scope
            select 'attribute', a.id from attribute a
            join hsds_scope k on k.kind = a.link_entity and k.id = a.link_id;
            insert into hsds_scope
            select distinct 'taxonomy_term', a.taxonomy_term_id from attribute a
            join hsds_scope k on k.kind = 'attribute' and k.id = a.id;
            insert into hsds_scope
            select distinct 'taxonomy', t.taxonomy_id from taxonomy_term t
            join hsds_scope k on k.kind = 'taxonomy_term' and k.id = t.id where t.taxonomy_id is not null;
            insert into hsds_scope
            select distinct 'unit', c.unit_id from service_capacity c
            join hsds_scope k on k.kind = 'service' and k.id = c.service_id where c.unit_id is not null;
        end if;
    end if;
    return query execute format($q$
        select r.row from (%s) r
        where r.id > $1 and ($2 is null or exists (select 1 from hsds_scope k
                                                 where k.kind = any (%L::text[]) and k.id = r.scope_id))
        order by r.id limit $3 $q$,
        case p_kind
            when 'organization' then
                $s$select id, id as scope_id, doc || jsonb_build_object('last_modified', hsds_iso(last_modified)) as row
                   from organization$s$
            when 'service' then
                $s$select id, id as scope_id, doc || jsonb_build_object('organization_id', organization_id,
                   'last_modified', hsds_iso(last_modified)) as row from service$s$
            when 'location' then
                $s$select id, id as scope_id, doc || jsonb_strip_nulls(jsonb_build_object(
                   'organization_id', organization_id)) as row from location$s$
            when 'service_at_location' then
                $s$select id, id as scope_id, doc || jsonb_build_object('service_id', service_id,
                   'location_id', location_id) as row from service_at_location$s$
            when 'address' then
                $s$select a.id, a.location_id as scope_id, a.doc || jsonb_build_object('location_id', a.location_id)
                   as row from address a$s$
            when 'phone' then
                $s$select id, id as scope_id, doc || jsonb_strip_nulls(jsonb_build_object(
                   'organization_id', organization_id, 'service_id', service_id, 'location_id', location_id,
                   'service_at_location_id', service_at_location_id, 'contact_id', contact_id)) as row from phone$s$
            when 'schedule' then
                $s$select id, coalesce(service_id, service_at_location_id, location_id) as scope_id,
                   doc || jsonb_strip_nulls(jsonb_build_object('service_id', service_id, 'location_id', location_id,
                   'service_at_location_id', service_at_location_id)) as row from schedule$s$
            when 'language' then
                $s$select id, coalesce(service_id, location_id, phone_id) as scope_id,
                   doc || jsonb_strip_nulls(jsonb_build_object('service_id', service_id, 'location_id', location_id,
                   'phone_id', phone_id)) as row from language$s$
            when 'service_area' then
                $s$select id, coalesce(service_id, service_at_location_id) as scope_id,
                   doc || jsonb_strip_nulls(jsonb_build_object('service_id', service_id,
                   'service_at_location_id', service_at_location_id)) as row from service_area$s$
            when 'taxonomy' then
                $s$select id, id as scope_id, doc as row from taxonomy$s$
            when 'taxonomy_term' then
                $s$select id, id as scope_id, doc || jsonb_strip_nulls(jsonb_build_object(
                   'taxonomy_id', taxonomy_id)) as row from taxonomy_term$s$
            when 'attribute' then
                $s$select id, id as scope_id, doc || jsonb_build_object('link_id', link_id,
                   'link_entity', link_entity, 'taxonomy_term_id', taxonomy_term_id) as row from attribute$s$
            when 'service_capacity' then
                $s$select coalesce(c.doc ->> 'id', c.id::text) as id, c.service_id as scope_id,
                   jsonb_build_object('updated', hsds_iso(c.updated))
                   || coalesce(c.doc, jsonb_strip_nulls(jsonb_build_object('id', c.id::text, 'maximum', c.maximum,
                   'description', c.description)))
                   || jsonb_strip_nulls(jsonb_build_object('service_id', c.service_id, 'unit_id', c.unit_id,
                   'available', c.available)) as row from service_capacity c$s$
            when 'unit' then
                $s$select id, id as scope_id, doc as row from unit$s$
        end,
        case p_kind
            when 'address' then '{location}'
            when 'schedule' then '{service,location,service_at_location}'
            when 'language' then '{service,location,phone}'
            when 'service_area' then '{service,service_at_location}'
            when 'service_capacity' then '{service}'
            else '{' || p_kind || '}'
        end)
    using p_after, p_since, p_limit;
end;
$$;
