-- Tamper evidence, retention and the IG console. The same SQL runs on H2 2.x and PostgreSQL 15.
--
-- Every audit entry becomes a leaf of an RFC 6962 Merkle tree at a dense position (leaf_index,
-- 0, 1, 2, ...; the identity id may have gaps, a tree may not). The leaf hashes the entry's frame
-- (what is kept for ever) and a commitment to its details (what retention purges); after a purge
-- the stored commitment still lets the leaf, and so the tree, be recomputed.
alter table audit_event add column leaf_index bigint;
alter table audit_event add column leaf_hash varchar(64);
alter table audit_event add column details_commitment varchar(64);
alter table audit_event add column details_salt varchar(32);
alter table audit_event add column agreement_id varchar(100);
alter table audit_event add column lawful_basis varchar(100);
alter table audit_event add column outcome varchar(40);
alter table audit_event add column recipient varchar(100);
alter table audit_event add column actor varchar(100);
alter table audit_event add column purged_at timestamp with time zone;

create unique index audit_event_leaf on audit_event (leaf_index);
create index audit_event_time on audit_event (occurred_at);
create index audit_event_type_time on audit_event (event_type, occurred_at);

-- Pseudonymous subject ids an entry is about (zero or more); part of the entry's details.
create table audit_subject (
    event_id  bigint      not null references audit_event (id),
    pseudonym varchar(64) not null,
    primary key (event_id, pseudonym)
);
create index audit_subject_pseudonym on audit_subject (pseudonym);

-- The head of the tree: one row, locked by every append (select ... for update) so that appends
-- from several gateway instances sharing the database form one log. The frontier holds the roots
-- of the complete subtrees (hex, comma-separated) so an append costs O(log n) hashes.
create table audit_head (
    id        int           primary key,
    tree_size bigint        not null,
    root_hash varchar(64)   not null,
    frontier  varchar(4200) not null
);
-- the root of the empty tree is SHA-256 of nothing (RFC 6962 2.1)
insert into audit_head (id, tree_size, root_hash, frontier)
    values (1, 0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '');

-- Signed checkpoints: the tree's size and root at a moment, CMS-signed by the gateway (base64 DER).
create table audit_checkpoint (
    tree_size   bigint                   primary key,
    root_hash   varchar(64)              not null,
    signed_at   timestamp with time zone not null,
    signed_note varchar(20000)           not null
);

-- People who may use the IG console; passwords as Argon2id hashes (PHC string format).
create table console_user (
    name          varchar(64)              primary key,
    role          varchar(20)              not null,
    password_hash varchar(200)             not null,
    created_at    timestamp with time zone not null,
    disabled_at   timestamp with time zone
);
