/**
 * The ways in: the SOAP endpoint (HTTPS, WS-Security) and the SFTP server (key login, CMS-signed
 * files), and what goes back to the partner, a receipt or a fault, for every message.
 */
package org.familygateway.intake;
