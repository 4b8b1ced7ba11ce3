-- Shipped by careloop-platform. A row the broker keeps refusing no longer holds up the outbox: the relay counts
-- failed attempts per row and parks a row that fails too often; operators see parked rows and may retry them.
alter table outbox_event add column attempts integer not null default 0;
alter table outbox_event add column last_error text;
alter table outbox_event add column parked_at timestamptz;

drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (id) where sent_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (id) where parked_at is not null and sent_at is null;
