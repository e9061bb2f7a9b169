-- The case outbox is published by one gateway instance at a time. Instances that share the
-- database each run the publisher (routes/cases-out.camel.yaml); the one named here holds a lease
-- it renews before every send, and the others send nothing until it lapses (the holder stopped or
-- died). Two instances sending the same version at the same moment could both get past the
-- broker's duplicate detection (it is checked before either send commits): TwoGatewaysIT saw a
-- version arrive twice.
create table case_publisher (
    id           int          primary key,
    instance     varchar(100),
    lease_until  timestamp with time zone
);

insert into case_publisher (id, instance, lease_until) values (1, null, null);
