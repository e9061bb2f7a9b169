package org.familygateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.testing.OcspResponder;
import org.familygateway.testing.TestCertificates;
import org.familygateway.testing.TestCertificates.Issued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a signing certificate can fail to be believed, each with its own reason. */
class CertificatePathsTest {

    private final Issued ca = TestCertificates.certificateAuthority("Partnership CA");
    private final Issued partner = TestCertificates.signer(ca, "Partner");
    private final Instant now = Instant.now();

    @Test
    void a_current_unrevoked_partner_certificate_is_believed() {
        assertThatCode(() -> paths(Revocation.fromCrls(List.of(TestCertificates.emptyCrl(ca)))).requireTrustedSigner(partner.certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void a_revoked_certificate_is_refused() {
        var crl = TestCertificates.crl(ca, List.of(partner.certificate()), now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        assertThat(refusal(Revocation.fromCrls(List.of(crl)), partner).code()).isEqualTo(ReasonCodeType.CERTIFICATE_REVOKED);
    }

    @Test
    void without_a_current_crl_the_status_is_unknown_and_the_certificate_refused() {
        var stale = TestCertificates.crl(ca, List.of(), now.minus(10, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        Rejection staleCrl = refusal(Revocation.fromCrls(List.of(stale)), partner);
        Rejection noCrl = refusal(Revocation.fromCrls(List.of()), partner);
        assertThat(List.of(staleCrl, noCrl)).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(ReasonCodeType.CERTIFICATE_REVOKED);
            assertThat(r.getMessage()).contains("cannot be established");
        });
    }

    @Test
    void a_crl_signed_by_someone_else_does_not_count() {
        Issued other = TestCertificates.certificateAuthority("Another CA");
        assertThat(refusal(Revocation.fromCrls(List.of(TestCertificates.emptyCrl(other))), partner).code())
                .isEqualTo(ReasonCodeType.CERTIFICATE_REVOKED);
    }

    @Test
    void an_expired_certificate_is_refused_at_the_time_of_verification() {
        Issued lapsed = TestCertificates.signer(ca, "Lapsed", TestCertificates.ecKeys(), now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        assertThat(refusal(crls(), lapsed).code()).isEqualTo(ReasonCodeType.CERTIFICATE_EXPIRED);
    }

    @Test
    void a_self_signed_or_foreign_certificate_is_untrusted() {
        Issued foreign = TestCertificates.signer(TestCertificates.certificateAuthority("Elsewhere"), "Partner");
        assertThat(refusal(crls(), foreign).code()).isEqualTo(ReasonCodeType.CERTIFICATE_UNTRUSTED);
        Issued self = TestCertificates.certificateAuthority("Self-signed partner");
        assertThat(refusal(crls(), self).code()).isIn(ReasonCodeType.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void rsa_1024_sha1_signed_certificates_and_other_curves_are_not_allowed() {
        Issued rsa1024 = TestCertificates.signer(ca, "Weak", TestCertificates.rsaKeys(1024), now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS));
        Issued sha1 = TestCertificates.signer(ca, "Old", TestCertificates.ecKeys(), "SHA1withECDSA");
        Issued p521 = TestCertificates.signer(ca, "Big", TestCertificates.ecKeys("secp521r1"), now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS));
        assertThat(List.of(refusal(crls(), rsa1024), refusal(crls(), sha1), refusal(crls(), p521)))
                .allSatisfy(r -> assertThat(r.code()).isEqualTo(ReasonCodeType.ALGORITHM_NOT_ALLOWED));
        assertThat(refusal(crls(), rsa1024).getMessage()).contains("1024 bits");
    }

    @Test
    void a_certificate_whose_key_may_not_sign_is_refused() {
        Issued caAsSigner = TestCertificates.signer(ca, "Not a signer");
        assertThatCode(() -> paths(crls()).requireTrustedSigner(caAsSigner.certificate())).doesNotThrowAnyException();
        assertThat(refusal(crls(), ca).getMessage()).containsAnyOf("key usage", "chain");
    }

    @Test
    void an_ocsp_responder_is_asked_and_its_answer_followed() throws Exception {
        try (OcspResponder ocsp = new OcspResponder(ca)) {
            Revocation revocation = Revocation.fromOcsp(ocsp.uri(), List.of());
            assertThatCode(() -> paths(revocation).requireTrustedSigner(partner.certificate())).doesNotThrowAnyException();
            ocsp.revoke(partner.certificate().getSerialNumber());
            assertThat(refusal(revocation, partner).code()).isEqualTo(ReasonCodeType.CERTIFICATE_REVOKED);
        }
    }

    @Test
    void an_unreachable_ocsp_responder_without_crls_fails_closed() {
        Revocation revocation = Revocation.fromOcsp(URI.create("http://127.0.0.1:9/"), List.of());
        assertThat(refusal(revocation, partner).code()).isEqualTo(ReasonCodeType.CERTIFICATE_REVOKED);
    }

    @Test
    void a_new_crl_file_takes_effect_without_a_restart(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("ca.crl");
        Files.write(file, TestCertificates.emptyCrl(ca).getEncoded());
        MovableClock clock = new MovableClock(now);
        CertificatePaths paths = new CertificatePaths(List.of(ca.certificate()), clock, Revocation.configured(List.of(file), null, clock),
                AlgorithmPolicy.strictDefault());
        paths.requireTrustedSigner(partner.certificate());

        var revoking = TestCertificates.crl(ca, List.of(partner.certificate()), now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        Files.write(file, revoking.getEncoded());
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(now.plusSeconds(5)));
        clock.advance(60);

        assertThat(catchThrowableOfType(Rejection.class, () -> paths.requireTrustedSigner(partner.certificate())).code())
                .isEqualTo(ReasonCodeType.CERTIFICATE_REVOKED);
    }

    @Test
    void revocation_must_be_configured() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Revocation.configured(List.of(), null, Clock.systemUTC())))
                .hasMessageContaining("revocation must be checked");
    }

    private Revocation crls() {
        return Revocation.fromCrls(List.of(TestCertificates.emptyCrl(ca)));
    }

    private CertificatePaths paths(Revocation revocation) {
        return new CertificatePaths(List.of(ca.certificate()), Clock.systemUTC(), revocation, AlgorithmPolicy.strictDefault());
    }

    private Rejection refusal(Revocation revocation, Issued signer) {
        return catchThrowableOfType(Rejection.class, () -> paths(revocation).requireTrustedSigner(signer.certificate()));
    }

    private static final class MovableClock extends Clock {
        private Instant instant;

        MovableClock(Instant start) {
            this.instant = start;
        }

        void advance(long seconds) {
            instant = instant.plusSeconds(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
