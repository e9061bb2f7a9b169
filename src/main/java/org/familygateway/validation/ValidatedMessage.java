package org.familygateway.validation;

/** A message that passed validation: its kind (root element) and the sender's own message id. */
public record ValidatedMessage(String type, String senderMessageId) {
}
