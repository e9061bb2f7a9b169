-- A case holds every referral and record kept about its household (case.xsd: Referral and Record
-- unbounded), so a household referred and shared about often outgrows V6's million characters:
-- a benchmark that referred one family 7,000 times met it, and the household step failed each
-- referral after that on "value too long". Ten million characters (PostgreSQL allows varchar up to
-- 10,485,760, as for V7's receipts) holds thousands of pieces of evidence about one household.
alter table case_version alter column body set data type varchar(10000000);
