-- IG searches the audit log by the id a partner quotes: its own message id (now on refusals too,
-- where the signed message was read far enough) or the gateway's receipt id. Every step of the
-- deliveries found is shown; this index keeps the message-id lookup off a full scan of the log.
create index audit_event_sender_message on audit_event (sender_message_id);
