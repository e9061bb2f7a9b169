package org.familygateway.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.service.v1.SubmissionRejection;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.GatewayReceipts;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.trust.CertificatePaths;
import org.familygateway.trust.Partner;
import org.familygateway.trust.Pem;
import org.familygateway.trust.SshKeys;
import org.familygateway.validation.MessageXml;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Plays a partner agency: signs a referral with the partner's key and sends it, then shows the receipt. */
@Command(name = "simulate", description = "Sign and send a referral as a partner, by SOAP or SFTP, and show the gateway's receipt.")
final class SimulateCommand implements Callable<Integer> {

    enum Channel { soap, sftp }

    @Mixin
    ConfigOptions config;

    @Option(names = "--as", required = true, paramLabel = "PARTNER", description = "The partner to send as, e.g. example-school")
    String partnerId;

    @Option(names = "--via", defaultValue = "soap", description = "soap or sftp (default: ${DEFAULT-VALUE})")
    Channel channel;

    @Option(names = "--file", defaultValue = "schemas/examples/v1/referral-from-school.xml",
            description = "The referral to send (default: ${DEFAULT-VALUE}); its MessageId and CreatedAt are made fresh, "
                    + "and its referrer becomes the partner it is sent as")
    Path file;

    @Option(names = "--keys", paramLabel = "DIR", description = "The partner's keys (default: certs-example/partners/<partner>)")
    Path keys;

    @Override
    public Integer call() throws Exception {
        GatewaySettings settings = config.settings();
        PartnerIdentity partner = PartnerIdentity.fromFolder(partnerId,
                keys != null ? keys : Path.of("certs-example", "partners", partnerId));
        List<X509Certificate> cas = settings.trustAnchors().stream().flatMap(p -> Pem.certificates(p).stream()).toList();
        MessageXml xml = new MessageXml(settings.soap().maxMessageBytes());
        ReferralType referral = xml.read(Files.readAllBytes(file), ReferralType.class);
        Partner sender = PartnersFile.load(settings.partners()).byId(partnerId)
                .orElseThrow(() -> new ConfigurationException("no partner '" + partnerId + "' in " + settings.partners()));
        referral.getReferrer().getAgency().setPartnerId(sender.id());
        referral.getReferrer().getAgency().setName(sender.name());
        referral.getReferrer().getAgency().setKind(sender.agency());
        referral.setMessageId(partnerId + "-" + UUID.randomUUID());
        referral.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        System.out.println("sending referral " + referral.getMessageId() + " as " + partnerId + " by " + channel);
        ReceiptType receipt = channel == Channel.soap ? bySoap(settings, partner, cas, referral)
                : bySftp(settings, partner, cas, xml.write(MessageXml.ELEMENTS.createReferral(referral)));
        System.out.println(new String(xml.write(MessageXml.ELEMENTS.createReceipt(receipt)), java.nio.charset.StandardCharsets.UTF_8));
        return receipt.getOutcome() == org.familygateway.model.v1.OutcomeType.ACCEPTED ? 0 : 1;
    }

    private static ReceiptType bySoap(GatewaySettings settings, PartnerIdentity partner, List<X509Certificate> cas,
                                      ReferralType referral) {
        try (SoapPartnerClient client = new SoapPartnerClient(settings.soap().address(), partner, cas)) {
            return client.submit(referral);
        } catch (SubmissionRejection rejection) {
            System.out.println("the gateway refused it: " + rejection.getMessage());
            return rejection.getFaultInfo();
        }
    }

    private static ReceiptType bySftp(GatewaySettings settings, PartnerIdentity partner, List<X509Certificate> cas,
                                      byte[] referral) throws Exception {
        String name = "referral-" + UUID.randomUUID() + ".p7m";
        byte[] signed = CmsFiles.sign(referral, partner.signingKey(), partner.signingCertificate());
        Path hostKey = Path.of(settings.sftp().hostKey() + ".pub");
        try (SftpPartnerClient client = new SftpPartnerClient(settings.sftp().host(), settings.sftp().port(),
                SshKeys.publicKey(hostKey), partner)) {
            client.upload(name, signed);
            System.out.println("uploaded inbox/" + name + "; waiting for receipts/" + name + ".receipt.p7m");
            return new GatewayReceipts(TrustParts.certificatePaths(settings, java.time.Clock.systemUTC())).verify(client.awaitReceipt(name));
        }
    }
}
