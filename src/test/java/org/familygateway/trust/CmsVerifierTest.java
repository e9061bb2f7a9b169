package org.familygateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestCertificates;
import org.familygateway.testing.TestCertificates.Issued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsVerifierTest {

    private static final byte[] CONTENT = "<Referral xmlns=\"urn:familygateway:v1\"/>".getBytes(StandardCharsets.UTF_8);

    private final Issued ca = TestCertificates.certificateAuthority("Test Partnership CA");
    private final Issued school = TestCertificates.signer(ca, "School");
    private final Issued police = TestCertificates.signer(ca, "Police");
    private final Issued expired = TestCertificates.signer(ca, "Lapsed", TestCertificates.ecKeys(),
            Instant.now().minus(400, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
    private final Partner schoolPartner = partner("school", school);
    private final Partner policePartner = partner("police", police);
    private final Partner lapsedPartner = partner("lapsed", expired);
    private static final SigningTimeWindow WINDOW = new SigningTimeWindow(Duration.ofDays(400), Clock.systemUTC());
    private final CmsVerifier verifier = new CmsVerifier(new PartnerDirectory(List.of(schoolPartner, policePartner, lapsedPartner)),
            new CertificatePaths(List.of(ca.certificate()), Clock.systemUTC(), Revocation.fromCrls(List.of(TestCertificates.emptyCrl(ca))),
                    AlgorithmPolicy.strictDefault()), WINDOW);

    @Test
    void a_file_signed_by_the_partner_that_delivered_it_verifies_and_its_content_streams_out() {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        SignedBy signedBy = verifier.verify(new ByteArrayInputStream(sign(CONTENT, school)), schoolPartner, content, 1_000_000);
        assertThat(signedBy.partner()).isEqualTo(schoolPartner);
        assertThat(content.toByteArray()).isEqualTo(CONTENT);
    }

    @Test
    void a_file_made_by_openssl_cms_sign_verifies(@TempDir Path folder) throws Exception {
        Path partnerFolder = Project.certs().resolve("partners/example-school");
        Path in = Files.write(folder.resolve("referral.xml"), CONTENT);
        Path out = folder.resolve("referral.p7m");
        Process openssl = new ProcessBuilder("openssl", "cms", "-sign", "-binary", "-nodetach", "-outform", "DER",
                "-in", in.toString(), "-out", out.toString(),
                "-signer", partnerFolder.resolve("signing.crt").toString(), "-inkey", partnerFolder.resolve("signing.key").toString())
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        Partner examplePartner = new Partner("example-school", "School", AgencyKindType.SCHOOL, Set.of(ChannelType.SFTP),
                List.of(Pem.certificate(partnerFolder.resolve("signing.crt"))), List.of());
        CmsVerifier realVerifier = new CmsVerifier(new PartnerDirectory(List.of(examplePartner)),
                new CertificatePaths(Pem.certificates(Project.certs().resolve("ca/ca.crt")), Clock.systemUTC(),
                        Revocation.configured(List.of(Project.certs().resolve("ca/ca.crl")), null, Clock.systemUTC()),
                        AlgorithmPolicy.strictDefault()), WINDOW);

        ByteArrayOutputStream content = new ByteArrayOutputStream();
        realVerifier.verify(Files.newInputStream(out), examplePartner, content, 1_000_000);

        assertThat(content.toByteArray()).isEqualTo(CONTENT);
    }

    @Test
    void a_file_signed_by_another_partner_is_not_the_senders() {
        assertThat(reject(sign(CONTENT, police), schoolPartner).code()).isEqualTo(ReasonCodeType.SIGNER_NOT_SENDER);
    }

    @Test
    void altered_content_breaks_the_signature() {
        byte[] file = sign(CONTENT, school);
        int at = indexOf(file, "Referral".getBytes(StandardCharsets.UTF_8));
        file[at] = 'X';
        assertThat(reject(file, schoolPartner).code()).isEqualTo(ReasonCodeType.SIGNATURE_INVALID);
    }

    @Test
    void a_detached_signature_is_refused() throws Exception {
        CMSSignedDataGenerator generator = generator(school);
        byte[] detached = generator.generate(new CMSProcessableByteArray(CONTENT), false).getEncoded("DER");
        Rejection rejection = reject(detached, schoolPartner);
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.CMS_DETACHED);
    }

    @Test
    void two_signers_where_one_is_expected_are_refused() throws Exception {
        CMSSignedDataGenerator generator = generator(school);
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", police.key(), police.certificate()));
        byte[] twice = generator.generate(new CMSProcessableByteArray(CONTENT), true).getEncoded("DER");
        Rejection rejection = reject(twice, schoolPartner);
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.CMS_MULTIPLE_SIGNERS);
        assertThat(rejection.getMessage()).contains("found 2");
    }

    @Test
    void a_file_that_is_not_cms_at_all_is_refused() {
        assertThat(reject(CONTENT, schoolPartner).code()).isEqualTo(ReasonCodeType.CMS_MALFORMED);
        assertThat(reject(new byte[0], schoolPartner).code()).isEqualTo(ReasonCodeType.CMS_MALFORMED);
    }

    @Test
    void a_signer_from_another_ca_is_untrusted() {
        Issued stranger = TestCertificates.signer(TestCertificates.certificateAuthority("Elsewhere CA"), "School");
        assertThat(reject(sign(CONTENT, stranger), schoolPartner).code()).isEqualTo(ReasonCodeType.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void a_signer_from_the_partnership_ca_who_is_no_partner_is_refused() {
        Issued outsider = TestCertificates.signer(ca, "Outsider");
        assertThat(reject(sign(CONTENT, outsider), schoolPartner).code()).isEqualTo(ReasonCodeType.SIGNER_NOT_A_PARTNER);
    }

    @Test
    void an_expired_partner_certificate_is_untrusted_now_whatever_the_file_claims() {
        Rejection rejection = reject(sign(CONTENT, expired), lapsedPartner);
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.CERTIFICATE_EXPIRED);
        assertThat(rejection.getMessage()).contains("expired");
    }

    @Test
    void content_larger_than_the_limit_is_refused_without_reading_it_all() {
        byte[] big = new byte[200_000];
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> verifier.verify(
                new ByteArrayInputStream(sign(big, school)), schoolPartner, new ByteArrayOutputStream(), 100_000));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.MESSAGE_TOO_LARGE);
    }

    @Test
    void a_signed_data_without_any_signer_is_refused() throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        byte[] unsigned = generator.generate(new CMSProcessableByteArray(CONTENT), true).getEncoded("DER");
        assertThat(reject(unsigned, schoolPartner).code()).isEqualTo(ReasonCodeType.CMS_NO_SIGNER);
    }

    @Test
    void compressed_content_is_expanded_and_verified() throws Exception {
        byte[] compressed = new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(CONTENT), new ZlibCompressor())
                .getEncoded();
        CMSSignedDataGenerator generator = generator(school);
        byte[] file = generator.generate(new CMSProcessableByteArray(CMSObjectIdentifiers.compressedData, contentOf(compressed)), true)
                .getEncoded("DER");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        verifier.verify(new ByteArrayInputStream(file), schoolPartner, content, 1_000_000);
        assertThat(content.toByteArray()).isEqualTo(CONTENT);
    }

    @Test
    void compressed_content_that_expands_past_the_cap_is_refused() throws Exception {
        byte[] zeros = new byte[5_000_000];
        byte[] bomb = new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(zeros), new ZlibCompressor()).getEncoded();
        assertThat(bomb.length).isLessThan(20_000);
        byte[] file = generator(school).generate(new CMSProcessableByteArray(CMSObjectIdentifiers.compressedData, contentOf(bomb)), true)
                .getEncoded("DER");
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> verifier.verify(new ByteArrayInputStream(file), schoolPartner,
                new ByteArrayOutputStream(), 1_000_000));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.COMPRESSED_CONTENT_TOO_LARGE);
    }

    @Test
    void content_of_another_type_is_refused() throws Exception {
        byte[] file = generator(school).generate(new CMSProcessableByteArray(CMSObjectIdentifiers.envelopedData, CONTENT), true)
                .getEncoded("DER");
        assertThat(reject(file, schoolPartner).code()).isEqualTo(ReasonCodeType.CMS_CONTENT_TYPE_MISMATCH);
    }

    @Test
    void a_sha1_digest_is_not_allowed() throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA1withECDSA", school.key(), school.certificate()));
        byte[] file = generator.generate(new CMSProcessableByteArray(CONTENT), true).getEncoded("DER");
        assertThat(reject(file, schoolPartner).code()).isEqualTo(ReasonCodeType.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void a_signing_time_long_ago_or_in_the_future_is_refused() throws Exception {
        for (Instant when : List.of(Instant.now().minus(500, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS))) {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            AttributeTable attributes = new AttributeTable(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(when)))));
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                    .build("SHA256withECDSA", school.key(), school.certificate()));
            byte[] file = generator.generate(new CMSProcessableByteArray(CONTENT), true).getEncoded("DER");
            assertThat(reject(file, schoolPartner).code()).as("signed at " + when).isEqualTo(ReasonCodeType.TIMESTAMP_INVALID);
        }
    }

    @Test
    void asn1_nested_a_hundred_thousand_deep_is_refused_without_harm() {
        int depth = 100_000;
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            nested.write(0x30);   // SEQUENCE, indefinite length
            nested.write(0x80);
        }
        for (int i = 0; i < depth; i++) {
            nested.write(0);
            nested.write(0);
        }
        assertThat(reject(nested.toByteArray(), schoolPartner).code()).isEqualTo(ReasonCodeType.CMS_MALFORMED);
    }

    private static byte[] contentOf(byte[] contentInfo) throws Exception {
        return org.bouncycastle.asn1.cms.ContentInfo.getInstance(contentInfo).getContent().toASN1Primitive().getEncoded();
    }

    private Rejection reject(byte[] file, Partner deliveredBy) {
        return catchThrowableOfType(Rejection.class, () ->
                verifier.verify(new ByteArrayInputStream(file), deliveredBy, new ByteArrayOutputStream(), 1_000_000));
    }

    private static byte[] sign(byte[] content, Issued signer) {
        return CmsFiles.sign(content, signer.key(), signer.certificate());
    }

    private static CMSSignedDataGenerator generator(Issued signer) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", signer.key(), signer.certificate()));
        generator.addCertificate(new JcaX509CertificateHolder(signer.certificate()));
        return generator;
    }

    private static Partner partner(String id, Issued signing) {
        return new Partner(id, id, AgencyKindType.OTHER, Set.of(ChannelType.SFTP), List.of(signing.certificate()), List.of());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
