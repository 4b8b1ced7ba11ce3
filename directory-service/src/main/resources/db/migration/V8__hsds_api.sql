-- The HSDS 3.1 API (/hsds): full-text search indexes, and the JSON of every HSDS object built in the database, so
-- that a page of fully nested services is one query whose text the API writes out as it is.
--
-- The hsds_*_json functions give an object as HSDS nests it: its doc (the fields as the feed sent them), its typed
-- columns on top (the directory's truth: ids, links, status, last_modified of services) and its child rows as arrays
-- (always present, [] when there are none). "brief" forms carry only the object's own one-to-one fields (HSDS list
-- forms without arrays). Nothing here writes.

-- ---------------------------------------------------------------- search

-- The text a search matches: name, alternate_name and description (English stemming, so "pantries" finds "pantry").
create function hsds_search_vector(name text, alternate_name text, description text) returns tsvector
language sql immutable parallel safe as $$
    select to_tsvector('english'::regconfig,
                       coalesce(name, '') || ' ' || coalesce(alternate_name, '') || ' ' || coalesce(description, ''));
$$;

create index service_search on service
    using gin (hsds_search_vector(name, doc ->> 'alternate_name', description));
create index organization_search on organization
    using gin (hsds_search_vector(name, doc ->> 'alternate_name', description));
-- A service search also finds the services of organizations so named (by name, not by description).
create index organization_name_search on organization
    using gin (hsds_search_vector(name, doc ->> 'alternate_name', null));

-- ---------------------------------------------------------------- helpers

-- HSDS date-time with millisecond precision, in UTC.
create function hsds_time(t timestamptz) returns text
language sql immutable parallel safe as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
$$;

-- The one-to-one fields of a document: arrays and objects left out (HSDS list forms).
create function hsds_brief(doc jsonb) returns jsonb
language sql immutable parallel safe as $$
    select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
    from jsonb_each(doc)
    where jsonb_typeof(value) not in ('array', 'object');
$$;

-- Attributes that tag an object (link_entity = its table), each with its taxonomy term.
create function hsds_attributes_json(entity text, object_id text) returns jsonb
language sql stable parallel safe as $$
    select coalesce(jsonb_agg(a.doc || jsonb_build_object(
                        'id', a.id, 'link_id', a.link_id, 'link_entity', a.link_entity,
                        'taxonomy_term_id', a.taxonomy_term_id, 'taxonomy_term', t.doc || jsonb_build_object('id', t.id))
                    order by a.id), '[]'::jsonb)
    from attribute a
    join taxonomy_term t on t.id = a.taxonomy_term_id
    where a.link_entity = entity and a.link_id = object_id;
$$;

create function hsds_languages_json(lang_service text, lang_location text, lang_phone text) returns jsonb
language sql stable parallel safe as $$
    select coalesce(jsonb_agg(l.doc || jsonb_build_object('id', l.id) order by l.id), '[]'::jsonb)
    from language l
    where (lang_service is not null and l.service_id = lang_service)
       or (lang_location is not null and l.location_id = lang_location)
       or (lang_phone is not null and l.phone_id = lang_phone);
$$;

-- Phones of one owner (exactly one argument is set), each with its languages.
create function hsds_phones_json(of_organization text, of_service text, of_location text, of_sal text) returns jsonb
language sql stable parallel safe as $$
    select coalesce(jsonb_agg(p.doc || jsonb_build_object(
                        'id', p.id, 'number', p.number, 'languages', hsds_languages_json(null, null, p.id))
                    order by p.id), '[]'::jsonb)
    from phone p
    where (of_organization is not null and p.organization_id = of_organization)
       or (of_service is not null and p.service_id = of_service)
       or (of_location is not null and p.location_id = of_location)
       or (of_sal is not null and p.service_at_location_id = of_sal);
$$;

create function hsds_schedules_json(of_service text, of_location text, of_sal text) returns jsonb
language sql stable parallel safe as $$
    select coalesce(jsonb_agg(s.doc || jsonb_build_object('id', s.id) order by s.id), '[]'::jsonb)
    from schedule s
    where (of_service is not null and s.service_id = of_service)
       or (of_location is not null and s.location_id = of_location)
       or (of_sal is not null and s.service_at_location_id = of_sal);
$$;

create function hsds_service_areas_json(of_service text, of_sal text) returns jsonb
language sql stable parallel safe as $$
    select coalesce(jsonb_agg(a.doc || jsonb_build_object('id', a.id) order by a.id), '[]'::jsonb)
    from service_area a
    where (of_service is not null and a.service_id = of_service)
       or (of_sal is not null and a.service_at_location_id = of_sal);
$$;

-- ---------------------------------------------------------------- objects

create function hsds_location_json(l location) returns jsonb
language sql stable parallel safe as $$
    select l.doc || jsonb_strip_nulls(jsonb_build_object(
               'id', l.id, 'location_type', l.location_type, 'organization_id', l.organization_id))
           || jsonb_build_object(
               'addresses', (select coalesce(jsonb_agg(a.doc || jsonb_build_object('id', a.id) order by a.id), '[]')
                             from address a where a.location_id = l.id),
               'phones', hsds_phones_json(null, null, l.id, null),
               'schedules', hsds_schedules_json(null, l.id, null),
               'languages', hsds_languages_json(null, l.id, null),
               'attributes', hsds_attributes_json('location', l.id));
$$;

-- A service_at_location; nested = with its location, phones, schedules, service areas and attributes.
create function hsds_service_at_location_json(x service_at_location, nested boolean) returns jsonb
language sql stable parallel safe as $$
    select case when nested then
               x.doc || jsonb_build_object('id', x.id, 'service_id', x.service_id, 'location_id', x.location_id)
               || jsonb_build_object(
                   'location', (select hsds_location_json(l) from location l where l.id = x.location_id),
                   'phones', hsds_phones_json(null, null, null, x.id),
                   'schedules', hsds_schedules_json(null, null, x.id),
                   'service_areas', hsds_service_areas_json(null, x.id),
                   'attributes', hsds_attributes_json('service_at_location', x.id))
           else hsds_brief(x.doc) || jsonb_build_object('id', x.id, 'service_id', x.service_id,
                                                         'location_id', x.location_id)
           end;
$$;

-- CareLoop's tracked capacity as HSDS service_capacity: available is what is free now, after the places held.
create function hsds_capacities_json(of_service text) returns jsonb
language sql stable parallel safe as $$
    select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                        'id', c.id::text,
                        'service_id', c.service_id,
                        'unit_id', u.id,
                        'unit', u.doc || jsonb_build_object('id', u.id, 'name', u.name),
                        'available', c.available,
                        'maximum', c.maximum,
                        'description', c.description,
                        'updated', hsds_time(c.updated)))
                    order by c.id), '[]'::jsonb)
    from service_capacity c
    cross join lateral (
        select coalesce(c.unit_id, uuid_generate_v5(uuid_ns_url(), 'https://careloop.org/units/' || c.unit)::text) as id,
               coalesce(un.name, c.unit) as name,
               coalesce(un.doc, '{}'::jsonb) as doc
        from (select 1) one
        left join unit un on un.id = c.unit_id) u
    where c.service_id = of_service;
$$;

-- An organization: brief (one-to-one fields) or with phones, locations and attributes.
create function hsds_organization_json(o organization, nested boolean) returns jsonb
language sql stable parallel safe as $$
    select case when nested then
               o.doc || jsonb_build_object('id', o.id, 'name', o.name, 'description', o.description)
               || jsonb_build_object(
                   'phones', hsds_phones_json(o.id, null, null, null),
                   'locations', (select coalesce(jsonb_agg(hsds_location_json(l) order by l.id), '[]')
                                 from location l where l.organization_id = o.id),
                   'attributes', hsds_attributes_json('organization', o.id))
           else hsds_brief(o.doc) || jsonb_build_object('id', o.id, 'name', o.name, 'description', o.description)
           end;
$$;

-- A service: brief (one-to-one fields) or fully nested (organization, service_at_locations with their locations,
-- phones, schedules, service areas, languages, capacities, attributes with their terms).
create function hsds_service_json(s service, nested boolean) returns jsonb
language sql stable parallel safe as $$
    select case when nested then
               s.doc || jsonb_build_object('id', s.id, 'organization_id', s.organization_id, 'name', s.name,
                                           'status', s.status, 'last_modified', hsds_time(s.last_modified))
               || jsonb_build_object(
                   'organization', (select hsds_organization_json(o, true) from organization o
                                    where o.id = s.organization_id),
                   'service_at_locations', (select coalesce(jsonb_agg(hsds_service_at_location_json(x, true)
                                                                      order by x.id), '[]')
                                            from service_at_location x where x.service_id = s.id),
                   'phones', hsds_phones_json(null, s.id, null, null),
                   'schedules', hsds_schedules_json(s.id, null, null),
                   'service_areas', hsds_service_areas_json(s.id, null),
                   'languages', hsds_languages_json(s.id, null, null),
                   'capacities', hsds_capacities_json(s.id),
                   'attributes', hsds_attributes_json('service', s.id))
           else hsds_brief(s.doc) || jsonb_build_object('id', s.id, 'organization_id', s.organization_id,
                                                         'name', s.name, 'status', s.status,
                                                         'last_modified', hsds_time(s.last_modified))
           end;
$$;

create function hsds_taxonomy_term_json(t taxonomy_term) returns jsonb
language sql stable parallel safe as $$
    select t.doc || jsonb_strip_nulls(jsonb_build_object('id', t.id, 'name', t.name, 'taxonomy_id', t.taxonomy_id,
                                                         'parent_id', t.parent_id, 'code', t.code))
           || coalesce((select jsonb_build_object('taxonomy_detail', x.doc || jsonb_build_object('id', x.id))
                        from taxonomy x where x.id = t.taxonomy_id), '{}'::jsonb);
$$;

create function hsds_taxonomy_json(x taxonomy) returns jsonb
language sql stable parallel safe as $$
    select x.doc || jsonb_build_object('id', x.id, 'name', x.name);
$$;

-- Whether a service says where it serves: a service area of its own or of one of its service_at_locations.
create function hsds_has_service_area(of_service text) returns boolean
language sql stable parallel safe as $$
    select exists (select 1 from service_area a where a.service_id = of_service)
        or exists (select 1 from service_area a join service_at_location x on x.id = a.service_at_location_id
                   where x.service_id = of_service);
$$;
