-- Trust: which gateway instance made a claim, so that an instance restarted after a crash can take
-- over at once the claims its earlier run left PENDING (that run can no longer finish them), while
-- another instance sharing the database still waits out the lease. Claims made before this column
-- existed have none, and keep waiting out the lease.
alter table message_id_claim add column claimed_by varchar(100);
