package cn.supervision.contribution.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;

/** Jars for the inspector's tests: well-formed ones, hand-made malformed ones, and signed ones. */
final class TestJars {
    private TestJars() {
    }

    /** A data bundle's manifest; {@code extra} headers are added (or replace) as given. */
    static byte[] manifest(Map<String, String> extra) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "cn.supervision.county.test");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Supervision-Jurisdiction", "370522");
        extra.forEach(a::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    static Map<String, byte[]> dataEntries() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("SUPERVISION-INF/", new byte[0]);
        e.put("SUPERVISION-INF/units/a.json", "{\"jurisdictionCode\":\"370522\",\"units\":[]}".getBytes(StandardCharsets.UTF_8));
        return e;
    }

    /** One entry of a hand-made zip: {@code localName} null means the local header carries the central name. */
    record Raw(String name, byte[] data, String localName, boolean hiddenFromStream) {
        static Raw of(String name, byte[] data) {
            return new Raw(name, data, null, false);
        }
    }

    /** A jar: the manifest first, then the entries, all through the same hand-made writer as the malformed ones. */
    static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        List<Raw> raws = new ArrayList<>();
        raws.add(Raw.of("META-INF/MANIFEST.MF", manifest(headers)));
        entries.forEach((n, d) -> raws.add(Raw.of(n, d)));
        return zip(raws);
    }

    /**
     * A STORED zip written byte by byte, so it can be made to lie: an entry "hidden from the stream" is written after
     * a few bytes that are not a local header signature, where a front-to-back reader stops but the central
     * directory (which the framework reads) still points to it.
     */
    static byte[] zip(List<Raw> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        for (Raw r : entries) {
            if (r.hiddenFromStream()) {
                out.writeBytes(new byte[] {'J', 'U', 'N', 'K'});
            }
            int offset = out.size();
            byte[] local = (r.localName() == null ? r.name() : r.localName()).getBytes(StandardCharsets.UTF_8);
            byte[] name = r.name().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(r.data());
            ByteBuffer lh = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            lh.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0x21).putInt((int) crc.getValue()).putInt(r.data().length).putInt(r.data().length)
                    .putShort((short) local.length).putShort((short) 0);
            out.writeBytes(lh.array());
            out.writeBytes(local);
            out.writeBytes(r.data());
            ByteBuffer ch = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            ch.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(r.data().length)
                    .putInt(r.data().length).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
            byte[] c = Arrays.copyOf(ch.array(), 46 + name.length);
            System.arraycopy(name, 0, c, 46, name.length);
            central.add(c);
        }
        int cdStart = out.size();
        central.forEach(out::writeBytes);
        int cdSize = out.size() - cdStart;
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) central.size())
                .putShort((short) central.size()).putInt(cdSize).putInt(cdStart).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A signing key made by keytool (as a city would make one). */
    record Key(PrivateKey privateKey, java.security.cert.CertPath chain, X509Certificate certificate) { }

    static Key key(Path dir, String alias) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias, "-validity", "30",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "test-pass")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore ks = KeyStore.getInstance(store.toFile(), "test-pass".toCharArray());
        PrivateKey pk = (PrivateKey) ks.getKey(alias, "test-pass".toCharArray());
        var chain = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(ks.getCertificateChain(alias)));
        return new Key(pk, chain, (X509Certificate) ks.getCertificate(alias));
    }

    static byte[] sign(Path dir, byte[] jar, Key key) throws Exception {
        Path unsigned = write(dir, "unsigned-" + System.nanoTime() + ".jar", jar);
        JarSigner signer = new JarSigner.Builder(key.privateKey(), key.chain()).digestAlgorithm("SHA-256").signerName("TEST").build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(unsigned.toFile()); OutputStream os = out) {
            signer.sign(in, os);
        }
        return out.toByteArray();
    }
}
