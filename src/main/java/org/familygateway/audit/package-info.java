/**
 * The audit log information-governance staff review: one entry per step a message takes, with ids,
 * digests, partner, outcome and reason, and never the message's content.
 */
package org.familygateway.audit;
