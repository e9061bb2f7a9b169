-- The case outbox apart from the versions. V6 marked a version published in its own row, and that
-- update rewrote the row, whole case and all (H2 writes every page a commit changed): under SOAP
-- load it was two thirds of the publisher's time (BENCHMARKS.md). Now a narrow row per version
-- waits here from the transaction that made the version until the broker has it, and is then
-- deleted; the version itself is never written again.
create table case_outbox (
    case_id   varchar(100) not null,
    version   int          not null,
    issued_at timestamp with time zone not null,
    primary key (case_id, version),
    foreign key (case_id, version) references case_version (case_id, version)
);

create index case_outbox_order on case_outbox (issued_at, case_id, version);

insert into case_outbox (case_id, version, issued_at)
    select case_id, version, issued_at from case_version where published_at is null;

drop index case_version_unpublished;

alter table case_version drop column published_at;
