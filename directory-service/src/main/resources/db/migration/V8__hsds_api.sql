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
language sql stable parallel safe as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
$$;
