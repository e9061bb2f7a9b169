/**
 * The information-governance console: a small server-rendered web page on the gateway's own Jetty,
 * with users (Argon2id passwords), roles, expiring sessions and CSRF tokens. Every access is
 * itself an audit entry.
 */
package org.familygateway.audit.console;
