/**
 * Where the capabilities meet: the rejection every check raises, the names of the headers a message
 * carries through the flow, and (in {@code v1}) the types generated from {@code schemas/v1}.
 */
package org.familygateway.model;
