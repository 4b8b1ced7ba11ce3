create table widget (id uuid primary key, name text not null);
create table widget_echo (event_id uuid primary key, widget_id uuid not null, name text not null);
