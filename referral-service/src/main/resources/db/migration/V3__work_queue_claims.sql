-- A coordinator claims a queued need before working on it, so that two coordinators do not handle the same person.
alter table need_routing add column claimed_by text check (char_length(claimed_by) <= 200);
alter table need_routing add column claimed_at timestamptz;
