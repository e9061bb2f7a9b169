-- The audit log: one row per step a message takes. Identifiers, digests and reasons only; never
-- payload content. The same SQL runs on H2 (embedded default) and PostgreSQL.
create table audit_event (
    id                bigint generated always as identity primary key,
    occurred_at       timestamp with time zone not null,
    event_type        varchar(40)  not null,
    receipt_id        varchar(100),
    partner_id        varchar(64),
    channel           varchar(8),
    sender_message_id varchar(100),
    case_id           varchar(100),
    reason_code       varchar(40),
    detail            varchar(1000),
    payload_digest    varchar(128)
);

create index audit_event_receipt on audit_event (receipt_id);
create index audit_event_partner_time on audit_event (partner_id, occurred_at);
