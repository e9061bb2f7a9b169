-- Trust: every message id a partner uses is claimed once, in the database, so that a replay is
-- caught after a restart and by every gateway instance sharing it. A claim is PENDING until the
-- message is durable on the broker, then ACCEPTED; a claim left PENDING by a crash may be taken
-- over after a short lease, so a partner's honest resend is never refused as a replay.
create table message_id_claim (
    partner_id        varchar(64)              not null,
    sender_message_id varchar(100)             not null,
    receipt_id        varchar(100)             not null,
    state             varchar(10)              not null,
    claimed_at        timestamp with time zone not null,
    primary key (partner_id, sender_message_id)
);
create index message_id_claim_time on message_id_claim (claimed_at);

-- Every receipt the gateway issued, as signed (base64 of the CMS DER), so that it can be shown
-- again to the partner or to IG.
create table issued_receipt (
    receipt_id        varchar(100)             primary key,
    partner_id        varchar(64),
    sender_message_id varchar(100),
    channel           varchar(8)               not null,
    outcome           varchar(20)              not null,
    issued_at         timestamp with time zone not null,
    signed            varchar(400000)          not null
);
create index issued_receipt_partner on issued_receipt (partner_id, issued_at);
