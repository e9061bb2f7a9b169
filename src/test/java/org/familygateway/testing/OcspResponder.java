package org.familygateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A real OCSP responder for a test CA, over HTTP on loopback, answering "good" unless told a serial is revoked. */
public final class OcspResponder implements AutoCloseable {

    private final HttpServer server;
    private final TestCertificates.Issued ca;
    /** Revoked serials and when: a revocation is dated when it was made, not when it is asked about. */
    private final Map<BigInteger, Date> revoked = new ConcurrentHashMap<>();

    public OcspResponder(TestCertificates.Issued ca) throws IOException {
        this.ca = ca;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void revoke(BigInteger serial) {
        revoked.put(serial, new Date(System.currentTimeMillis() - 1_000));   // strictly before any check that follows
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            // RFC 6960 A.1: short requests come as GET, base64 (URL-encoded) in the path
            byte[] encoded = "GET".equals(exchange.getRequestMethod())
                    ? java.util.Base64.getDecoder().decode(java.net.URLDecoder.decode(
                            exchange.getRequestURI().getRawPath().substring(1), java.nio.charset.StandardCharsets.UTF_8))
                    : in.readAllBytes();
            OCSPReq request = new OCSPReq(encoded);
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca.certificate());
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(ca.certificate().getPublicKey(),
                    new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1));
            for (Req req : request.getRequestList()) {
                // dated "now" when answering, a revocation fell after the verifier's date whenever a second
                // began between the two (the response carries whole seconds), and the JDK then counts the
                // certificate as good at that date: the test failed about once in a hundred runs, often
                // on a busy machine
                Date revokedAt = revoked.get(req.getCertID().getSerialNumber());
                CertificateStatus status = revokedAt != null ? new RevokedStatus(revokedAt, CRLReason.keyCompromise) : CertificateStatus.GOOD;
                builder.addResponse(req.getCertID(), status);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key()),
                    new X509CertificateHolder[] {caHolder}, new Date());
            byte[] body = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
