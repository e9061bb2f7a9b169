package org.familygateway.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetStringParser;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.CompressedDataParser;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * The encapsulated content of a SignedData: plain data, or data compressed inside it (RFC 3274),
 * copied out with a cap on what it expands to, so that neither a large file nor a compression bomb
 * can fill the disk or the memory.
 */
final class CmsContent {

    private static final ASN1ObjectIdentifier ZLIB = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.3.8");

    private CmsContent() {
    }

    static void copy(CMSTypedStream signed, OutputStream out, long max) throws IOException, CMSException {
        if (signed == null) {
            throw new Rejection(ReasonCodeType.CMS_DETACHED,
                    "the signature is detached; the content must be encapsulated in the SignedData (openssl cms -sign -nodetach)");
        }
        if (CMSObjectIdentifiers.data.equals(signed.getContentType())) {
            try (InputStream in = signed.getContentStream()) {
                copyAtMost(in, out, max, ReasonCodeType.MESSAGE_TOO_LARGE, "the signed content is larger than " + max + " bytes");
            }
        } else if (CMSObjectIdentifiers.compressedData.equals(signed.getContentType())) {
            try (InputStream in = expanded(signed.getContentStream())) {
                copyAtMost(in, out, max, ReasonCodeType.COMPRESSED_CONTENT_TOO_LARGE,
                        "the compressed content expands past " + max + " bytes");
            }
            signed.drain();
        } else {
            throw new Rejection(ReasonCodeType.CMS_CONTENT_TYPE_MISMATCH,
                    "the encapsulated content type is " + signed.getContentType() + ", not id-data or compressed data");
        }
    }

    /** RFC 3274: the eContent is a CompressedData structure, zlib, around id-data content. */
    private static InputStream expanded(InputStream content) throws IOException, CMSException {
        ASN1StreamParser parser = new ASN1StreamParser(content);
        CompressedDataParser compressed = new CompressedDataParser((ASN1SequenceParser) parser.readObject());
        AlgorithmIdentifier algorithm = compressed.getCompressionAlgorithmIdentifier();
        if (!ZLIB.equals(algorithm.getAlgorithm())) {
            throw new Rejection(ReasonCodeType.CMS_CONTENT_TYPE_MISMATCH, "content compressed with " + algorithm.getAlgorithm()
                    + "; only zlib (RFC 3274) is accepted");
        }
        ContentInfoParser inner = compressed.getEncapContentInfo();
        if (!CMSObjectIdentifiers.data.equals(inner.getContentType())) {
            throw new Rejection(ReasonCodeType.CMS_CONTENT_TYPE_MISMATCH,
                    "the compressed content is of type " + inner.getContentType() + ", not id-data");
        }
        ASN1OctetStringParser octets = (ASN1OctetStringParser) inner.getContent(BERTags.OCTET_STRING);
        return new ZlibExpanderProvider().get(algorithm).getInputStream(octets.getOctetStream());
    }

    private static void copyAtMost(InputStream in, OutputStream out, long max, ReasonCodeType code, String message) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                throw new Rejection(code, message);
            }
            out.write(buffer, 0, n);
        }
    }
}
