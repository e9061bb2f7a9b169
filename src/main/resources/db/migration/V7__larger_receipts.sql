-- A receipt lists up to 1,000 rejected records of a share, each with its reasons: signed and in
-- base64 that is over half a megabyte, more than V4's column held (a share with more than about
-- 730 rejected records could not be answered). Ten million characters holds the largest receipt
-- the gateway can write (1,000 records of 20 reasons each); PostgreSQL allows varchar up to 10,485,760.
alter table issued_receipt alter column signed set data type varchar(10000000);
