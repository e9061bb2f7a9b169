/**
 * Is the message well-formed, safe to parse and valid against the contract in {@code schemas/}?
 * A parser that refuses DTDs and entities, with limits set explicitly; schema validation driven
 * from a streaming reader so that errors name the element path; reading and writing the generated
 * message types.
 */
package org.familygateway.validation;
