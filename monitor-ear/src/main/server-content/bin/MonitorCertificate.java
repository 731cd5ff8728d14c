import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the certificate and private key that {@code MONITOR_SERVER_CERTIFICATE} names, checks them, and writes them
 * into the PKCS#12 key store that the server's HTTPS listener reads. JDK only (17+), so that the server needs no
 * openssl: {@code launch-monitor-server.sh} runs it as {@code java MonitorCertificate.java OUTPUT FILE [FILE]}.
 *
 * <p>Two files are PEM files, one holding the certificate (optionally followed by its chain) and the other the
 * key, in either order: their content tells them apart. One file is a PKCS#12 key store (password in
 * {@code MONITOR_SERVER_CERTIFICATE_PASSWORD}, empty when unset) or a PEM file holding both. Keys may be PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) or SEC1 EC ({@code EC PRIVATE KEY}), not encrypted.
 * The key must match a certificate, checked by signing with the key and verifying with the certificate; that
 * certificate is the server's, and the others follow it as its chain, issuer after subject.
 *
 * <p>{@code OUTPUT} is written with mode 0600 and the password in {@code MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD},
 * which the launcher generates and hands to the server. On success one line describing the certificate goes to
 * stdout; otherwise one line naming the file at fault goes to stderr and the exit status is 1 (2 for bad usage).
 */
public final class MonitorCertificate {

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** The header of a PKCS#1 or SEC1 key that openssl encrypted in its traditional format. */
    private static final Pattern LEGACY_ENCRYPTION = Pattern.compile("Proc-Type:\\s*4,\\s*ENCRYPTED");
    private static final String ALIAS = "monitor";

    /** DER AlgorithmIdentifier of rsaEncryption (OID 1.2.840.113549.1.1.1, NULL parameters), for PKCS#1 keys. */
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    /** DER content of the OID id-ecPublicKey (1.2.840.10045.2.1), for SEC1 keys. */
    private static final byte[] EC_PUBLIC_KEY_OID = HexFormat.of().parseHex("2a8648ce3d0201");
    /** PKCS#8 algorithm OIDs (DER content, hex) and the JDK's KeyFactory names for them. */
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "2a864886f70d010101", "RSA",
            "2a864886f70d01010a", "RSASSA-PSS",
            "2a8648ce3d0201", "EC",
            "2b6570", "Ed25519",
            "2b6571", "Ed448",
            "2a8648ce380401", "DSA");

    /** A problem with the user's files: reported as one line, without a stack trace. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    /** A private key and the file it came from. */
    private record KeyFromFile(PrivateKey key, Path file) {
    }

    /** A certificate and the file it came from. */
    private record CertificateFromFile(X509Certificate certificate, Path file) {
    }

    private final List<CertificateFromFile> certificates = new ArrayList<>();
    private final List<KeyFromFile> keys = new ArrayList<>();

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java MonitorCertificate.java OUTPUT.p12 CERT.pem KEY.pem (either order)"
                    + " | OUTPUT.p12 STORE.p12 | OUTPUT.p12 CERT_AND_KEY.pem");
            System.exit(2);
        }
        String outputPassword = System.getenv("MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD");
        if (outputPassword == null || outputPassword.isEmpty()) {
            System.err.println("MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD is not set");
            System.exit(2);
        }
        try {
            var reader = new MonitorCertificate();
            for (int i = 1; i < args.length; i++) {
                reader.read(Path.of(args[i]), args.length == 2);
            }
            KeyFromFile key = reader.onlyKey(args);
            List<X509Certificate> chain = reader.chainFor(key, args);
            write(Path.of(args[0]), outputPassword.toCharArray(), key.key(), chain);
            System.out.println(reader.describe(chain, key));
        } catch (Refusal refusal) {
            System.err.println(refusal.getMessage());
            System.exit(1);
        } catch (IOException | GeneralSecurityException | UncheckedIOException e) {
            System.err.println("cannot write the key store " + args[0] + ": " + e);
            System.exit(1);
        }
    }

    /** Collects the certificates and keys of one file: PEM, or PKCS#12 when it is the only file. */
    private void read(Path file, boolean onlyFile) throws Refusal {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Refusal(file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new Refusal(file + " cannot be read (permission denied)");
        } catch (IOException e) {
            throw new Refusal(file + " cannot be read: " + e.getMessage());
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            readPem(file, text);
        } else if (onlyFile) {
            readPkcs12(file, content);
        } else {
            throw new Refusal(file + " is not a PEM file (no -----BEGIN line); give a PEM certificate and a PEM key,"
                    + " or one PKCS#12 file");
        }
    }

    private void readPem(Path file, String text) throws Refusal {
        int before = certificates.size() + keys.size();
        Matcher block = PEM_BLOCK.matcher(text);
        byte[] curve = null; // from an "EC PARAMETERS" block, for a SEC1 key that does not name its curve
        List<byte[]> sec1Keys = new ArrayList<>();
        while (block.find()) {
            String type = block.group(1);
            String body = block.group(2);
            if (type.equals("ENCRYPTED PRIVATE KEY") || type.endsWith("PRIVATE KEY") && LEGACY_ENCRYPTION.matcher(body).find()) {
                throw new Refusal(file + " holds an encrypted private key; the server needs it unencrypted"
                        + " (openssl pkey -in KEY -out PLAIN_KEY), readable only by its user");
            }
            if (body.contains(":")) {
                continue; // a block with RFC 1421 headers that is not a key: nothing of ours
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(body.trim());
            } catch (IllegalArgumentException e) {
                throw new Refusal(file + ": the " + type + " block is not valid base64");
            }
            switch (type) {
                case "CERTIFICATE" -> certificates.add(new CertificateFromFile(certificate(file, der), file));
                case "PRIVATE KEY" -> keys.add(new KeyFromFile(pkcs8Key(file, der), file));
                case "RSA PRIVATE KEY" -> keys.add(new KeyFromFile(pkcs8Key(file, sequence(concat(
                        HexFormat.of().parseHex("020100"), RSA_ALGORITHM, tlv(0x04, der)))), file));
                case "EC PRIVATE KEY" -> sec1Keys.add(der);
                case "EC PARAMETERS" -> curve = der;
                default -> { } // public keys, requests, DH parameters: not needed
            }
        }
        for (byte[] sec1 : sec1Keys) {
            keys.add(new KeyFromFile(pkcs8Key(file, sec1ToPkcs8(file, sec1, curve)), file));
        }
        if (certificates.size() + keys.size() == before) {
            throw new Refusal(file + " holds neither a certificate nor a private key (PEM blocks CERTIFICATE,"
                    + " PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
    }

    private void readPkcs12(Path file, byte[] content) throws Refusal {
        String given = System.getenv("MONITOR_SERVER_CERTIFICATE_PASSWORD");
        char[] password = (given == null ? "" : given).toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new Refusal(file + ": wrong password for this PKCS#12 file (MONITOR_SERVER_CERTIFICATE_PASSWORD)");
            }
            throw new Refusal(file + " is neither a PEM file nor a PKCS#12 key store");
        } catch (GeneralSecurityException e) {
            throw new Refusal(file + " is not a PKCS#12 key store the JDK can read: " + e.getMessage());
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
                    keys.add(new KeyFromFile(key, file));
                    for (var certificate : store.getCertificateChain(alias)) {
                        certificates.add(new CertificateFromFile((X509Certificate) certificate, file));
                    }
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new Refusal(file + ": its private key has another password than the file; re-export it with one");
        } catch (GeneralSecurityException e) {
            throw new Refusal(file + ": cannot read its private key: " + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw new Refusal(file + " holds no private key (only trusted certificates)");
        }
    }

    private KeyFromFile onlyKey(String[] args) throws Refusal {
        if (keys.isEmpty()) {
            throw new Refusal("no private key in " + String.join(" or ", List.of(args).subList(1, args.length)));
        }
        if (keys.size() > 1) {
            Path first = keys.get(0).file();
            Path second = keys.get(1).file();
            throw new Refusal(first.equals(second) ? first + " holds more than one private key; keep only the server's"
                    : first + " and " + second + " both hold a private key; give one certificate file and one key file");
        }
        return keys.get(0);
    }

    /** The certificate that matches the key, then its issuers among the other certificates, in order. */
    private List<X509Certificate> chainFor(KeyFromFile key, String[] args) throws Refusal {
        if (certificates.isEmpty()) {
            throw new Refusal("no certificate in " + String.join(" or ", List.of(args).subList(1, args.length)));
        }
        X509Certificate leaf = null;
        for (CertificateFromFile candidate : certificates) {
            if (matches(key.key(), candidate.certificate().getPublicKey())) {
                leaf = candidate.certificate();
                break;
            }
        }
        if (leaf == null) {
            CertificateFromFile first = certificates.get(0);
            throw new Refusal(key.file() + ": the private key does not match the certificate in " + first.file()
                    + " (" + first.certificate().getSubjectX500Principal().getName() + ")");
        }
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate last = leaf;
        while (!last.getIssuerX500Principal().equals(last.getSubjectX500Principal())) {
            X509Certificate issuer = null;
            for (CertificateFromFile candidate : certificates) {
                X509Certificate certificate = candidate.certificate();
                if (!chain.contains(certificate)
                        && certificate.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                    issuer = certificate;
                    break;
                }
            }
            if (issuer == null) {
                break; // the rest of the chain is the client's trust store's business
            }
            chain.add(issuer);
            last = issuer;
        }
        return chain;
    }

    /** The key belongs to the certificate if what it signs verifies with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey certificateKey) {
        String algorithm = key.getAlgorithm();
        if (!algorithm.equals(certificateKey.getAlgorithm())) {
            return false;
        }
        String signatureAlgorithm = switch (algorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> algorithm; // Ed25519, Ed448 (EdDSA); RSASSA-PSS keys carry their parameters
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(certificateKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an EC key on another curve than the certificate's
        }
    }

    private static void write(Path output, char[] password, PrivateKey key, List<X509Certificate> chain)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
        Path folder = output.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException notAFolder) {
            throw new IOException(folder + " is not a folder");
        }
        // Written next to its place and moved there, so that a server never reads half a key store; created 0600
        // because it holds the private key.
        Path partial = Files.createTempFile(folder, "server", ".p12.partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, password);
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** One line for the launcher's summary: subject, key type, chain length, expiry, and where each part came from. */
    private String describe(List<X509Certificate> chain, KeyFromFile key) {
        X509Certificate leaf = chain.get(0);
        Path certificateFile = certificates.stream().filter(c -> c.certificate().equals(leaf)).findFirst()
                .orElseThrow().file();
        LocalDate notAfter = LocalDate.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC);
        String expiry = leaf.getNotAfter().getTime() < System.currentTimeMillis() ? "EXPIRED on " + notAfter
                : "valid until " + notAfter;
        String sources = certificateFile.equals(key.file()) ? "from " + certificateFile
                : "certificate from " + certificateFile + ", key from " + key.file();
        return leaf.getSubjectX500Principal().getName() + " (" + key.key().getAlgorithm() + " key, chain of "
                + chain.size() + ", " + expiry + "), " + sources;
    }

    private static X509Certificate certificate(Path file, byte[] der) throws Refusal {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new Refusal(file + ": a CERTIFICATE block is not a valid X.509 certificate");
        }
    }

    private static PrivateKey pkcs8Key(Path file, byte[] pkcs8) throws Refusal {
        String algorithm = KEY_ALGORITHMS.get(HexFormat.of().formatHex(pkcs8AlgorithmOid(file, pkcs8)));
        if (algorithm == null) {
            throw new Refusal(file + ": the private key's algorithm is not supported (use RSA or EC)");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new Refusal(file + ": the " + algorithm + " private key cannot be read: " + e.getMessage());
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER version, SEQUENCE { OID algorithm, ... }, OCTET STRING key, ... } */
    private static byte[] pkcs8AlgorithmOid(Path file, byte[] pkcs8) throws Refusal {
        try {
            var info = new Der(pkcs8).enter(0x30);
            info.skip(0x02);
            var algorithm = info.enter(0x30);
            return algorithm.read(0x06);
        } catch (IllegalArgumentException e) {
            throw new Refusal(file + ": the private key is not valid DER (" + e.getMessage() + ")");
        }
    }

    /**
     * SEC1's ECPrivateKey (SEQUENCE { INTEGER 1, OCTET STRING key, [0] curve OID, [1] public key }) as PKCS#8: the
     * same structure inside an OCTET STRING, after an AlgorithmIdentifier of id-ecPublicKey and the curve.
     */
    private static byte[] sec1ToPkcs8(Path file, byte[] sec1, byte[] parametersBlock) throws Refusal {
        byte[] curve = null;
        try {
            var key = new Der(sec1).enter(0x30);
            key.skip(0x02);
            key.skip(0x04);
            if (key.hasMore() && key.peekTag() == 0xa0) {
                curve = key.enter(0xa0).element(0x06);
            }
        } catch (IllegalArgumentException e) {
            throw new Refusal(file + ": the EC private key is not valid DER (" + e.getMessage() + ")");
        }
        if (curve == null && parametersBlock != null) {
            curve = parametersBlock;
        }
        if (curve == null) {
            throw new Refusal(file + ": the EC private key does not name its curve; write it with"
                    + " openssl pkey -in KEY -out KEY.pem");
        }
        byte[] algorithm = sequence(concat(tlv(0x06, EC_PUBLIC_KEY_OID), curve));
        return sequence(concat(HexFormat.of().parseHex("020100"), algorithm, tlv(0x04, sec1)));
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length < 0x80) {
            out.write(content.length);
        } else {
            byte[] length = BigInteger.valueOf(content.length).toByteArray();
            int start = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - start));
            out.write(length, start, length.length - start);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Just enough of a DER reader to walk the key structures above; throws IllegalArgumentException on bad input. */
    private static final class Der {
        private final byte[] bytes;
        private int position;
        private final int end;

        Der(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        private Der(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        int peekTag() {
            return bytes[position] & 0xff;
        }

        /** The content of the next element, which must have this tag, as a reader. */
        Der enter(int tag) {
            int[] header = header(tag);
            position = header[0] + header[1];
            return new Der(bytes, header[0], header[0] + header[1]);
        }

        /** The content of the next element, which must have this tag. */
        byte[] read(int tag) {
            int[] header = header(tag);
            position = header[0] + header[1];
            return Arrays.copyOfRange(bytes, header[0], header[0] + header[1]);
        }

        /** The whole next element (tag, length and content), which must have this tag. */
        byte[] element(int tag) {
            int start = position;
            int[] header = header(tag);
            position = header[0] + header[1];
            return Arrays.copyOfRange(bytes, start, position);
        }

        void skip(int tag) {
            read(tag);
        }

        /** {content start, content length} of the element at the current position. */
        private int[] header(int tag) {
            if (position + 2 > end || (bytes[position] & 0xff) != tag) {
                throw new IllegalArgumentException("expected tag " + Integer.toHexString(tag) + " at " + position);
            }
            int length = bytes[position + 1] & 0xff;
            int start = position + 2;
            if (length >= 0x80) {
                int count = length & 0x7f;
                if (count == 0 || count > 3 || start + count > end) {
                    throw new IllegalArgumentException("bad length at " + position);
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[start + i] & 0xff);
                }
                start += count;
            }
            if (start + length > end) {
                throw new IllegalArgumentException("element at " + position + " runs past its end");
            }
            return new int[] {start, length};
        }
    }
}
