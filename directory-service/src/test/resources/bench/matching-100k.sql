-- A generated directory of 100,000 services for EXPLAIN ANALYZE of the match query (see the README, "Matching by
-- place, age and language"). Run on a scratch database migrated to V5:
--   psql -d careloop_bench_matching -f matching-100k.sql
-- 600 postal codes on a 150 km square grid, 10,000 organizations, 100,000 services over the 24 need categories;
-- 70% with one location, 30% with a service area of 5 postal codes, 60% with capacity, languages and ages varied.
select setseed(0.42);

insert into postal_code (country, code, locality, county, state, latitude, longitude)
select 'US', lpad((10000 + i)::text, 5, '0'), 'Town ' || i, 'County ' || (i / 50), 'MA',
       42.0 + (i / 25) * 0.0563, -72.0 + (i % 25) * 0.0755
from generate_series(0, 599) i;

insert into organization (id, name, description, last_modified, doc)
select 'org-b-' || i, 'Org ' || i, 'Generated.', now(), jsonb_build_object('id', 'org-b-' || i)
from generate_series(1, 10000) i;

insert into service (id, organization_id, name, status, minimum_age, maximum_age, assured_date, last_modified, doc,
                     interpretation_services)
select 'svc-b-' || i, 'org-b-' || (1 + i % 10000), 'Service ' || i,
       case when random() < 0.9 then 'active' else 'inactive' end,
       case when r < 0.2 then 18 when r < 0.3 then 65 end,
       case when r > 0.95 then 17 end,
       current_date - (random() * 400)::int, now(), jsonb_build_object('id', 'svc-b-' || i),
       case when random() < 0.1 then 'Telephone interpretation' end
from (select i, random() as r from generate_series(1, 100000) i) g;

insert into service_category (service_id, category)
select 'svc-b-' || i, (array(select code from need_category order by code))[1 + i % 24]
from generate_series(1, 100000) i;

insert into service_capacity (id, service_id, unit, reported_available, baseline, maximum, updated)
select uuid_generate_v4(), 'svc-b-' || i, 'place', a, a, a + 5, now()
from (select i, (random() * 20)::int as a from generate_series(1, 100000) i where random() < 0.6) g;

insert into location (id, organization_id, location_type, name, latitude, longitude, doc, last_modified)
select 'loc-b-' || i, 'org-b-' || (1 + i % 10000), 'physical', 'Site ' || i,
       42.0 + random() * 1.35, -72.0 + random() * 1.81, jsonb_build_object('id', 'loc-b-' || i), now()
from generate_series(1, 100000) i where i % 10 < 7;

insert into service_at_location (id, service_id, location_id, doc)
select 'sal-b-' || i, 'svc-b-' || i, 'loc-b-' || i, '{}'::jsonb from generate_series(1, 100000) i where i % 10 < 7;

insert into service_area (id, service_id, name, extent, extent_type, doc)
select 'sa-b-' || i, 'svc-b-' || i, 'Area ' || i,
       (select string_agg(lpad((10000 + ((i * 7 + k * 31) % 600))::text, 5, '0'), ', ') from generate_series(0, 4) k),
       'postal codes', '{}'::jsonb
from generate_series(1, 100000) i where i % 10 >= 5 and i % 10 < 8;

insert into service_coverage (postal_code, country, service_id)
select lpad((10000 + ((i * 7 + k * 31) % 600))::text, 5, '0'), 'US', 'svc-b-' || i
from generate_series(1, 100000) i cross join generate_series(0, 4) k
where i % 10 >= 5 and i % 10 < 8
on conflict do nothing;

insert into language (id, service_id, code, name, doc)
select 'lang-b-' || i || '-' || l.code, 'svc-b-' || i, l.code, l.name, '{}'::jsonb
from generate_series(1, 100000) i
join (values ('en', 'English', 0.5), ('es', 'Spanish', 0.2), ('vi', 'Vietnamese', 0.05)) l (code, name, p)
  on random() < l.p;

analyze;
