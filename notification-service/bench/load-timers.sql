-- Loads :timers pending chase timers, due from :lead seconds from now, spread evenly over :window seconds.
-- Each timer chases its own referral (ids only, as the service stores them). Kinds are mixed as in life: mostly
-- acknowledgement chases, some outcome-update requests (each fired one schedules the next, 14 business days on) and
-- contact-window warnings.
insert into chase_timer (id, kind, state, referral_id, need_id, referral_version, owner_organization_id,
                         requester_organization_id, category, policy, due_at, created_at)
select gen_random_uuid(),
       case i % 10 when 0 then 'REMIND' when 1 then 'REMIND' when 2 then 'REMIND'
                   when 3 then 'ESCALATE' when 4 then 'ESCALATE' when 5 then 'ESCALATE'
                   when 6 then 'RECALL' when 7 then 'RECALL'
                   when 8 then 'OUTCOME_UPDATE' else 'CONTACT_WINDOW_WARNING' end,
       'PENDING', gen_random_uuid(), gen_random_uuid(), 1,
       'org-bench-' || (i % 50), 'org-bench-clinic', 'food-insecurity', 'default',
       now() + make_interval(secs => :lead + (i - 1) * :window::double precision / :timers),
       now()
from generate_series(1, :timers) as i;
-- No ANALYZE: the worker must cope with the statistics of an empty table until autovacuum catches up.
