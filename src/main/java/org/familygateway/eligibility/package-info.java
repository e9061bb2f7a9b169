/**
 * Eligibility: the councils' rule sets (data in {@code config/eligibility/}) evaluated over a
 * household's evidence, giving a decision with its reasons, the evidence behind it and what is missing.
 *
 * <p>Facts come in ({@link org.familygateway.eligibility.Fact}), rule sets turn them into indicators
 * with their time windows, indicators into headline problems, problems into a decision. Nothing here
 * knows about Camel, CXF or JMS, so the rules can be read, run and tested on their own.
 */
package org.familygateway.eligibility;
