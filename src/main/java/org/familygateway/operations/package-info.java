/**
 * What operators watch: Prometheus metrics (messages accepted and rejected, queue depths, latency)
 * and a health check of the broker, the database, SFTP and SOAP, served over plain HTTP on loopback.
 */
package org.familygateway.operations;
