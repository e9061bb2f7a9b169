-- Agreements: a message accepted again under the same receipt (an SFTP arrival taken up again after
-- a crash, or after its receipt could not be written) replaces the usage its earlier try recorded,
-- so the IG usage report counts it once; this index keeps that lookup cheap.
create index agreement_usage_receipt on agreement_usage (receipt_id);
