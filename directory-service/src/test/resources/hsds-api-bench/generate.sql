-- 100,000 services for the HSDS API benchmark (see README "HSDS API (/hsds)"): 1,000 organizations, one located
-- service_at_location per service (address, phone, language, schedule, CareLoop need attribute), capacity for half,
-- postal-code service areas for a third (10 postal codes each), 500 postal codes around Boston. Run it on an empty,
-- migrated directory database: psql -d careloop_directory -f generate.sql
insert into postal_code (country, code, locality, county, state, latitude, longitude)
select 'US', lpad((2000 + g)::text, 5, '0'), 'Town ' || g, 'County ' || (g % 10), 'MA', 42.0 + random() * 0.7, -71.5 + random() * 0.7
from generate_series(1, 500) g;
insert into organization (id, name, description, last_modified, doc)
select 'org-' || g, 'Organization ' || g, 'Helps people ' || g, now(), jsonb_build_object('id', 'org-' || g, 'name', 'Organization ' || g, 'description', 'Helps people ' || g)
from generate_series(1, 1000) g;
insert into service (id, organization_id, name, description, status, last_modified, doc)
select 'svc-' || g, 'org-' || (g % 1000 + 1), (array['Food pantry','Night shelter','Legal clinic','Bus pass','Utility help','Job training'])[g % 6 + 1] || ' ' || g,
       'Service number ' || g || ' offering help with ' || (array['groceries','beds','tenancy','transport','bills','work'])[g % 6 + 1], 'active',
       now() - (g || ' seconds')::interval,
       jsonb_build_object('id', 'svc-' || g, 'name', 'Service ' || g, 'status', 'active', 'contacts', jsonb_build_array(jsonb_build_object('id', 'c-' || g)))
from generate_series(1, 100000) g;
insert into location (id, organization_id, location_type, latitude, longitude, doc, last_modified)
select 'loc-' || g, 'org-' || (g % 1000 + 1), 'physical', 42.0 + random() * 0.7, -71.5 + random() * 0.7, jsonb_build_object('id', 'loc-' || g, 'location_type', 'physical'), now()
from generate_series(1, 100000) g;
insert into service_at_location (id, service_id, location_id, doc) select 'sal-' || g, 'svc-' || g, 'loc-' || g, jsonb_build_object('id', 'sal-' || g) from generate_series(1, 100000) g;
insert into address (id, location_id, address_type, city, state_province, postal_code, country, doc)
select 'adr-' || g, 'loc-' || g, 'physical', 'Town', 'MA', lpad((2000 + g % 500 + 1)::text, 5, '0'), 'US',
       jsonb_build_object('id', 'adr-' || g, 'address_1', g || ' Main St', 'city', 'Town', 'state_province', 'MA', 'postal_code', lpad((2000 + g % 500 + 1)::text, 5, '0'), 'country', 'US', 'address_type', 'physical')
from generate_series(1, 100000) g;
insert into phone (id, service_id, number, doc) select 'ph-' || g, 'svc-' || g, '555-' || g, jsonb_build_object('id', 'ph-' || g, 'number', '555-' || g) from generate_series(1, 100000) g;
insert into language (id, service_id, code, doc) select 'lang-' || g, 'svc-' || g, 'en', jsonb_build_object('id', 'lang-' || g, 'code', 'en') from generate_series(1, 100000) g;
insert into schedule (id, service_id, doc) select 'sch-' || g, 'svc-' || g, jsonb_build_object('id', 'sch-' || g, 'freq', 'WEEKLY', 'byday', 'MO') from generate_series(1, 100000) g;
insert into attribute (id, link_id, link_entity, taxonomy_term_id, doc)
select 'att-' || g, 'svc-' || g, 'service', t.id, jsonb_build_object('id', 'att-' || g)
from generate_series(1, 100000) g
join (select id, row_number() over (order by id) - 1 as n from taxonomy_term where taxonomy_id = 'c0a1e000-0000-4000-8000-000000000001') t on t.n = g % 24;
insert into service_capacity (id, service_id, unit, reported_available, baseline, maximum, updated)
select gen_random_uuid(), 'svc-' || g, 'place', g % 20, g % 20, 40, now() from generate_series(1, 100000) g where g % 2 = 0;
insert into service_area (id, service_id, name, extent, extent_type, doc)
select 'sa-' || g, 'svc-' || g, 'Area', lpad((2000 + g % 500 + 1)::text, 5, '0'), 'postal_codes', jsonb_build_object('id', 'sa-' || g) from generate_series(1, 100000) g where g % 3 = 0;
insert into service_coverage (postal_code, country, service_id)
select lpad((2000 + (g + k) % 500 + 1)::text, 5, '0'), 'US', 'svc-' || g from generate_series(1, 100000) g, generate_series(0, 9) k where g % 3 = 0;
analyze;
