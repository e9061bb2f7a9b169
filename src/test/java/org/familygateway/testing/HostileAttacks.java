package org.familygateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.dom.WSConstants;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.TestCertificates.Issued;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The attacks of the hostile corpus (src/test/resources/hostile/corpus.yaml), each by name, carried
 * out against a running gateway through its real SOAP and SFTP intakes.
 */
public final class HostileAttacks {

    /** One case of the corpus. */
    public record Case(String id, String channel, String as, String attack, String signer, String payload, List<String> edit,
                       String expect, String note, Integer days) {
        public String payloadOrDefault() {
            return payload == null ? "referral" : payload;
        }
    }

    /** What came back: the receipt (from the fault or the receipt file), its signed form, and the bytes that were sent. */
    public record Outcome(ReceiptType receipt, byte[] signedReceipt, byte[] sent) {
    }

    private final TestGateway gateway;
    private final HostileFixture fixture;

    public HostileAttacks(TestGateway gateway, HostileFixture fixture) {
        this.gateway = gateway;
        this.fixture = fixture;
    }

    public Outcome run(Case c) throws Exception {
        boolean editTheEnvelope = "break-after-signing".equals(c.attack());
        byte[] payload = HostilePayloads.payload(c.payloadOrDefault(), c.as(), editTheEnvelope ? null : c.edit());
        return "soap".equals(c.channel()) ? soap(c, payload) : sftp(c, payload);
    }

    private Outcome soap(Case c, byte[] payload) throws Exception {
        RawSoap soap = gateway.rawSoap();
        PartnerIdentity signer = signer(c);
        byte[] envelope = switch (c.attack()) {
            case "sign" -> soap.signedEnvelope(payload, signer);
            case "unsigned" -> RawSoap.serialize(soap.envelope(payload));
            case "raw" -> payload;
            case "raw-envelope" -> rawEnvelope(payload);
            case "break-after-signing" -> edited(soap.signedEnvelope(payload, signer), c.edit());
            case "oversized" -> oversized(soap.signedEnvelope(payload, signer));
            case "tampered-body" -> swap(soap.signedEnvelope(payload, signer), "<Forename>Sam</Forename>", "<Forename>Sid</Forename>");
            case "tampered-timestamp" -> swap(soap.signedEnvelope(payload, signer), "Expires>", "Expires>2099-01-01T00:00:00.000Z</wsu:Expires><x");
            case "timestamp-unsigned" -> RawSoap.serialize(SoapSigner.standard().covering(false, true).sign(soap.envelope(payload), signer));
            case "body-unsigned" -> RawSoap.serialize(SoapSigner.standard().covering(true, false).sign(soap.envelope(payload), signer));
            case "no-timestamp" -> RawSoap.serialize(SoapSigner.standard().withoutTimestamp().sign(soap.envelope(payload), signer));
            case "stale-timestamp" -> timestamped(soap, payload, signer, -600, 300);
            case "future-timestamp" -> timestamped(soap, payload, signer, 300, 600);
            case "expired-timestamp" -> timestamped(soap, payload, signer, -120, -60);
            case "issuer-serial" -> RawSoap.serialize(SoapSigner.standard().referringBy(WSConstants.ISSUER_SERIAL).sign(soap.envelope(payload), signer));
            case "sha1-signature" -> RawSoap.serialize(SoapSigner.standard().algorithms(sha1SignatureFor(signer), WSS4JConstants.SHA256)
                    .sign(soap.envelope(payload), signer));
            case "sha1-digest" -> RawSoap.serialize(SoapSigner.standard().algorithms(null, WSS4JConstants.SHA1).sign(soap.envelope(payload), signer));
            case "wrap-body-into-header" -> RawSoap.serialize(wrapped(soap, payload, signer, false));
            case "wrap-duplicate-id" -> RawSoap.serialize(wrapped(soap, payload, signer, true));
            case "wrap-extra-body-child" -> RawSoap.serialize(extraBodyChild(soap, payload, signer));
            case "replay" -> replayed(soap, payload, signer);
            default -> throw new IllegalArgumentException("no SOAP attack named " + c.attack());
        };
        RawSoap.Response response = soap.post(envelope, rootElementOf(payload));
        ReceiptType receipt = response.status() == 200 ? response.acknowledgement() : response.rejection();
        // the gateway stops reading an oversized request at its limit: what it digests and keeps is that much
        return new Outcome(receipt, receipt.getSignedReceipt(), "oversized".equals(c.attack()) ? null : envelope);
    }

    private Outcome sftp(Case c, byte[] payload) throws Exception {
        PartnerIdentity uploader = fixture.identity(c.as());
        PartnerIdentity signer = signer(c);
        byte[] file = switch (c.attack()) {
            case "sign" -> CmsFiles.sign(payload, signer.signingKey(), signer.signingCertificate());
            case "not-cms", "raw" -> payload;
            case "empty" -> new byte[0];
            case "truncated" -> truncated(CmsFiles.sign(payload, signer.signingKey(), signer.signingCertificate()));
            case "tampered" -> flipped(CmsFiles.sign(payload, signer.signingKey(), signer.signingCertificate()));
            case "detached" -> generator(signer, "SHA256").generate(new CMSProcessableByteArray(payload), false).getEncoded("DER");
            case "no-signer" -> new CMSSignedDataGenerator().generate(new CMSProcessableByteArray(payload), true).getEncoded("DER");
            case "two-signers" -> twoSigners(payload, signer, fixture.identity("example-school"));
            case "content-type" -> generator(signer, "SHA256").generate(new CMSProcessableByteArray(CMSObjectIdentifiers.envelopedData, payload), true)
                    .getEncoded("DER");
            case "compressed-bomb" -> compressedBomb(signer);
            case "sha1-digest" -> generator(signer, "SHA1").generate(new CMSProcessableByteArray(payload), true).getEncoded("DER");
            case "signing-time" -> signedAt(payload, signer, Instant.now().plus(c.days(), ChronoUnit.DAYS));
            case "deep-asn1" -> deepAsn1();
            case "replay", "oversize-upload" -> CmsFiles.sign(payload, signer.signingKey(), signer.signingCertificate());
            default -> throw new IllegalArgumentException("no SFTP attack named " + c.attack());
        };
        try (SftpPartnerClient client = gateway.sftpClient(uploader)) {
            if ("replay".equals(c.attack())) {
                ReceiptType first = gateway.receiptChecker().verify(upload(client, "first-" + c.id() + ".p7m", file));
                if (!first.getOutcome().value().startsWith("ACCEPTED")) {
                    throw new AssertionError("the first send of a replay must be accepted, not " + first.getOutcome());
                }
            }
            String name = c.id() + ".p7m";
            if ("oversize-upload".equals(c.attack())) {
                try {
                    client.upload(name, file);
                    throw new AssertionError("an upload past the partner's cap must have its write refused");
                } catch (RuntimeException refused) {
                    // the write past the cap fails; the receipt still comes
                }
                byte[] signed = client.awaitReceipt(name);
                return new Outcome(gateway.receiptChecker().verify(signed), signed, null);
            }
            byte[] signed = upload(client, name, file);
            return new Outcome(gateway.receiptChecker().verify(signed), signed, file);
        }
    }

    private static byte[] upload(SftpPartnerClient client, String name, byte[] file) {
        client.upload(name, file);
        return client.awaitReceipt(name);
    }

    private PartnerIdentity signer(Case c) {
        String who = c.signer() == null ? c.as() : c.signer();
        PartnerIdentity uploader = fixture.identity(c.as());
        return switch (who) {
            case "outsider" -> uploader.withSigning(fixture.outsider().key(), fixture.outsider().certificate());
            case "stranger" -> {
                Issued stranger = TestCertificates.signer(TestCertificates.certificateAuthority("Not the partnership CA"), "Stranger");
                yield uploader.withSigning(stranger.key(), stranger.certificate());
            }
            case "self-signed" -> {
                Issued self = TestCertificates.certificateAuthority("Self-signed stranger");
                yield uploader.withSigning(self.key(), self.certificate());
            }
            default -> fixture.identity(who).as(c.as());
        };
    }

    private byte[] timestamped(RawSoap soap, byte[] payload, PartnerIdentity signer, long createdSeconds, long expiresSeconds) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return RawSoap.serialize(SoapSigner.standard().timestamped(now.plusSeconds(createdSeconds), now.plusSeconds(expiresSeconds))
                .sign(soap.envelope(payload), signer));
    }

    /** The signed Body moves into the header (its signature still verifies there); a new Body says something else. */
    private static Document wrapped(RawSoap soap, byte[] payload, PartnerIdentity signer, boolean keepTheId) {
        Document envelope = soap.sign(soap.envelope(payload), signer);
        Element body = (Element) envelope.getElementsByTagNameNS(RawSoap.SOAP11, "Body").item(0);
        Element header = (Element) envelope.getElementsByTagNameNS(RawSoap.SOAP11, "Header").item(0);
        Element wrapper = envelope.createElementNS("urn:attacker", "a:Wrapper");
        header.appendChild(wrapper);
        Element forged = (Element) body.cloneNode(false);
        if (!keepTheId) {
            forged.removeAttributeNS(WSS4JConstants.WSU_NS, "Id");
        }
        Node payloadRoot = body.getFirstChild();
        Node swapped = payloadRoot.cloneNode(true);
        swapped.getFirstChild().setTextContent("attacker-" + UUID.randomUUID());
        forged.appendChild(swapped);
        body.getParentNode().replaceChild(forged, body);
        wrapper.appendChild(body);
        return envelope;
    }

    private static Document extraBodyChild(RawSoap soap, byte[] payload, PartnerIdentity signer) {
        Document envelope = soap.sign(soap.envelope(payload), signer);
        Element body = (Element) envelope.getElementsByTagNameNS(RawSoap.SOAP11, "Body").item(0);
        body.appendChild(body.getFirstChild().cloneNode(true));
        return envelope;
    }

    private byte[] replayed(RawSoap soap, byte[] payload, PartnerIdentity signer) {
        byte[] envelope = soap.signedEnvelope(payload, signer);
        RawSoap.Response first = soap.post(envelope, rootElementOf(payload));
        if (first.status() != 200) {
            throw new AssertionError("the first send of a replay must be accepted: " + first.text());
        }
        return envelope;
    }

    private static byte[] rawEnvelope(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        String prolog = "";
        int root = text.indexOf("<Referral");
        if (root < 0) {
            root = Math.max(0, text.indexOf("<InformationShare"));
        }
        int doctype = text.indexOf("<!DOCTYPE");
        if (doctype >= 0 && doctype < root) {
            prolog = text.substring(doctype, root);
        }
        return (prolog + "<soap:Envelope xmlns:soap=\"" + RawSoap.SOAP11 + "\"><soap:Body>" + text.substring(root)
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oversized(byte[] envelope) {
        String text = new String(envelope, StandardCharsets.UTF_8);
        int at = text.indexOf("<soap:Body");
        return (text.substring(0, at) + "<!--" + "x".repeat(6 * 1024 * 1024) + "-->" + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** The signed envelope's text edited, written byte for byte as Latin-1 (so a non-ASCII edit is not UTF-8). */
    private static byte[] edited(byte[] envelope, List<String> edit) {
        String text = new String(envelope, StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < edit.size(); i += 2) {
            if (!text.contains(edit.get(i))) {
                throw new IllegalStateException("nothing to edit: " + edit.get(i));
            }
            text = text.replace(edit.get(i), edit.get(i + 1));
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] swap(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException("nothing to tamper with: " + from);
        }
        if (from.equals("Expires>")) {
            int start = text.indexOf("<wsu:Expires>");
            int end = text.indexOf("</wsu:Expires>");
            return (text.substring(0, start) + "<wsu:Expires>2099-01-01T00:00:00.000Z" + text.substring(end)).getBytes(StandardCharsets.UTF_8);
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha1SignatureFor(PartnerIdentity signer) {
        return "RSA".equals(signer.signingCertificate().getPublicKey().getAlgorithm()) ? WSS4JConstants.RSA_SHA1
                : "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1";
    }

    private static CMSSignedDataGenerator generator(PartnerIdentity signer, String digest) throws Exception {
        String algorithm = digest + "with" + ("RSA".equals(signer.signingKey().getAlgorithm()) ? "RSA" : "ECDSA");
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, signer.signingKey(), signer.signingCertificate()));
        generator.addCertificate(new JcaX509CertificateHolder(signer.signingCertificate()));
        return generator;
    }

    private static byte[] twoSigners(byte[] payload, PartnerIdentity first, PartnerIdentity second) throws Exception {
        CMSSignedDataGenerator generator = generator(first, "SHA256");
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build(CmsAlgorithm.of(second), second.signingKey(), second.signingCertificate()));
        return generator.generate(new CMSProcessableByteArray(payload), true).getEncoded("DER");
    }

    private static byte[] signedAt(byte[] payload, PartnerIdentity signer, Instant when) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        AttributeTable attributes = new AttributeTable(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(when)))));
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                .build(CmsAlgorithm.of(signer), signer.signingKey(), signer.signingCertificate()));
        return generator.generate(new CMSProcessableByteArray(payload), true).getEncoded("DER");
    }

    private static byte[] compressedBomb(PartnerIdentity signer) throws Exception {
        byte[] compressed = new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(new byte[40 * 1024 * 1024]),
                new ZlibCompressor()).getEncoded();
        byte[] content = org.bouncycastle.asn1.cms.ContentInfo.getInstance(compressed).getContent().toASN1Primitive().getEncoded();
        return generator(signer, "SHA256").generate(new CMSProcessableByteArray(CMSObjectIdentifiers.compressedData, content), true)
                .getEncoded("DER");
    }

    private static byte[] deepAsn1() {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        for (int i = 0; i < 50_000; i++) {
            nested.write(0x30);
            nested.write(0x80);
        }
        for (int i = 0; i < 50_000; i++) {
            nested.write(0);
            nested.write(0);
        }
        return nested.toByteArray();
    }

    private static byte[] truncated(byte[] file) {
        return java.util.Arrays.copyOf(file, file.length / 2);
    }

    private static byte[] flipped(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("<Forename>");
        file[at + 10] ^= 0x01;
        return file;
    }

    private static String rootElementOf(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.contains("<InformationShare") ? "InformationShare" : text.contains("<ConsentUpdate") ? "ConsentUpdate" : "Referral";
    }

    /** The signature algorithm for a partner's key. */
    private static final class CmsAlgorithm {
        static String of(PartnerIdentity partner) {
            return "RSA".equals(partner.signingKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        }
    }
}
