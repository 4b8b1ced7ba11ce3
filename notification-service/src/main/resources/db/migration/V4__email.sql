-- E-mail settings: one row per organization that gave a contact address (an organization's, not a person's), with
-- its opt-in, language and the notice types it wants. Types are a comma-separated list read and written whole.
create table email_settings (
    organization_id text        primary key,
    address         text        not null check (length(address) between 3 and 254),
    enabled         boolean     not null default false,
    language        text        not null,
    types           text        not null default '',
    updated_at      timestamptz not null,
    updated_by      text        not null
);
