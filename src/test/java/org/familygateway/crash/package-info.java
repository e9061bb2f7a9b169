/**
 * The crash harness: the packaged gateway killed with SIGKILL at random moments under load from
 * partners on both channels, restarted each time, and every accepted message reconciled at the end.
 */
package org.familygateway.crash;
