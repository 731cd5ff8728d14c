package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the launcher (issue 14, point 3): {@code MONITOR_SERVER_CERTIFICATE} with a PEM certificate and key,
 * given key first, on a server process of the test's own ({@link LauncherProcess}) and a database of its own.
 * pytest-monitor's request sequence (clients.md) goes over TLS 1.3 to a client that trusts only that certificate;
 * TLS 1.2 and plain HTTP answer too. A missing file and a key of another certificate stop the launcher before
 * WildFly starts, with a message that names the file.
 */
class HttpsIT {

    private static final int PORT_OFFSET = 340; // HTTP 8521, HTTPS 8783, management 10330
    private static final int METRICS = 5;

    @TempDir
    Path certificates;

    @Test
    void pytestMonitorsSequenceOverHttpsAndRefusedCertificatesStopTheLauncher() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        Path certificate = certificates.resolve("server-cert.pem");
        Path key = certificates.resolve("server-key.pem");
        Path otherKey = certificates.resolve("other-key.pem");
        KeyStore generated = makeCertificate(certificate, key);
        writePem(otherKey, "PRIVATE KEY", KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded());

        Path target = Path.of(System.getProperty("it.ear")).getParent();
        String database = ServerProcess.newDatabase("https");
        try (var server = new LauncherProcess(target.resolve("https-server"), PORT_OFFSET,
                ServerProcess.environment(database, target.resolve("https-data"), Map.of()))) {
            var missing = server.runToEnd(Map.of("MONITOR_SERVER_CERTIFICATE",
                    certificate + "," + certificates.resolve("missing-key.pem")));
            assertEquals(2, missing.exitStatus(), missing::toString);
            assertEquals("launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: "
                    + certificates.resolve("missing-key.pem") + " does not exist", lastLine(missing.stderr()));
            var mismatched = server.runToEnd(Map.of("MONITOR_SERVER_CERTIFICATE", certificate + "," + otherKey));
            assertEquals(2, mismatched.exitStatus(), mismatched::toString);
            assertEquals("launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: " + otherKey
                    + ": the private key does not match the certificate in " + certificate + " (CN=localhost)",
                    lastLine(mismatched.stderr()));
            assertFalse(server.wildFlyHasRun(), "the launcher started WildFly before it refused the certificates");

            server.start(Map.of("MONITOR_SERVER_CERTIFICATE", key + "," + certificate));
            String https = "https://localhost:" + (8443 + PORT_OFFSET);
            HttpClient tls13 = trusting(generated, "TLSv1.3");
            PytestMonitorReplay.replay(tls13, https + "/api/v1", METRICS);

            assertEquals(200, tls13.send(HttpRequest.newBuilder(URI.create(https + "/api/v1/health")).build(),
                    BodyHandlers.ofString()).statusCode());
            assertEquals(200, trusting(generated, "TLSv1.2").send(HttpRequest.newBuilder(
                    URI.create(https + "/api/v1/health")).build(), BodyHandlers.ofString()).statusCode());
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + (8181 + PORT_OFFSET) + "/api/v1/health")).build(), BodyHandlers.ofString())
                    .statusCode(), "plain HTTP stays on");
            System.out.printf("HttpsIT: pytest-monitor's sequence over TLS 1.3 (1 context, 1 session, %d metrics, all"
                    + " 201); TLS 1.2 and plain HTTP answer; a missing key file and a mismatched key each stopped the"
                    + " launcher with exit status 2 before WildFly started%n", METRICS);
        }
    }

    /** A client that trusts only the test's certificate and speaks only {@code protocol}. */
    private static HttpClient trusting(KeyStore generated, String protocol) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", generated.getCertificate("server"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        var parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * A self-signed EC certificate for localhost, made by the JDK's keytool, written as PEM: the certificate and its
     * private key (PKCS#8), as a certificate authority or openssl would hand them out. Returns keytool's key store.
     */
    private KeyStore makeCertificate(Path certificate, Path key) throws Exception {
        Path store = certificates.resolve("generated.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process run = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "generated",
                "-keypass", "generated").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), () -> "keytool: " + output);
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            generated.load(in, "generated".toCharArray());
        }
        Certificate issued = generated.getCertificate("server");
        writePem(certificate, "CERTIFICATE", issued.getEncoded());
        writePem(key, "PRIVATE KEY", generated.getKey("server", "generated".toCharArray()).getEncoded());
        // What the launcher reads back must be what was written.
        assertTrue(CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(certificate))).equals(issued));
        return generated;
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
