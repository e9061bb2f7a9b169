package org.familygateway.operations;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code GET /metrics} (Prometheus text format) and {@code GET /health} (JSON; 200 when every part
 * is up, 503 otherwise) on a small Jetty server of their own (the Jetty CXF already brings).
 */
public final class OperationsServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Server server;
    private final ServerConnector connector;

    private OperationsServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static OperationsServer start(String host, int port, GatewayMetrics metrics, HealthChecks health) {
        Server server = new Server(new QueuedThreadPool(8, 2));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Endpoints(metrics, health));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serve metrics and health on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new OperationsServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String address() {
        return "http://" + connector.getHost() + ":" + port() + "/";
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the metrics and health endpoints", e);
        }
    }

    private static final class Endpoints extends Handler.Abstract {

        private final GatewayMetrics metrics;
        private final HealthChecks health;

        Endpoints(GatewayMetrics metrics, HealthChecks health) {
            this.metrics = metrics;
            this.health = health;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!"GET".equals(request.getMethod())) {
                return reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain", "GET only\n");
            }
            if ("/metrics".equals(path)) {
                return reply(response, callback, HttpStatus.OK_200, PROMETHEUS_TEXT, metrics.scrape());
            }
            if ("/health".equals(path)) {
                HealthChecks.Report report = health.run();
                return reply(response, callback, report.up() ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                        "application/json", report.json());
            }
            return reply(response, callback, HttpStatus.NOT_FOUND_404, "text/plain", "/metrics or /health\n");
        }

        private static boolean reply(Response response, Callback callback, int status, String type, String body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, StandardCharsets.UTF_8.encode(body), callback);
            return true;
        }
    }
}
