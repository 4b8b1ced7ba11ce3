-- How late the benchmark's timers fired, and whether each fired once.
\pset footer off
\echo 'Lateness of fired timers (fired_at - due_at, milliseconds)'
select count(*)                                                          as fired,
       round(percentile_cont(0.50) within group (order by ms)::numeric, 1) as p50_ms,
       round(percentile_cont(0.95) within group (order by ms)::numeric, 1) as p95_ms,
       round(percentile_cont(0.99) within group (order by ms)::numeric, 1) as p99_ms,
       round(max(ms)::numeric, 1)                                          as max_ms
from (select extract(epoch from fired_at - due_at) * 1000 as ms
      from chase_timer
      where requester_organization_id = 'org-bench-clinic' and state = 'FIRED' and created_at < :'loaded') t;
\echo 'Due and fired per second (busiest second of each)'
select (select max(n) from (select count(*) n from chase_timer
                            where requester_organization_id = 'org-bench-clinic' and created_at < :'loaded'
                            group by date_trunc('second', due_at)) d)   as max_due_per_s,
       (select max(n) from (select count(*) n from chase_timer
                            where requester_organization_id = 'org-bench-clinic' and state = 'FIRED'
                              and created_at < :'loaded'
                            group by date_trunc('second', fired_at)) f) as max_fired_per_s;
\echo 'Exactly once: outbox rows and distinct chases of the benchmark, and their relay to Kafka'
select count(*)                                    as outbox_rows,
       count(distinct payload::jsonb->>'chaseId')  as distinct_chases,
       count(*) filter (where sent_at is null)     as not_yet_sent,
       round(percentile_cont(0.99) within group (order by extract(epoch from sent_at - created_at) * 1000)::numeric, 1)
                                                   as relay_p99_ms
from outbox_event
where topic = 'referral-chased' and payload::jsonb->>'requesterOrganizationId' = 'org-bench-clinic';
\echo 'Next outcome-update requests scheduled by the fired ones'
select count(*) as scheduled from chase_timer
where requester_organization_id = 'org-bench-clinic' and state = 'PENDING' and kind = 'OUTCOME_UPDATE';
