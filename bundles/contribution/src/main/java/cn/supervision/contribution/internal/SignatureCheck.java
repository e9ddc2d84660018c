package cn.supervision.contribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Code is admitted only when the city signed it: checks a jar's signatures against the configured certificates. */
final class SignatureCheck {
    private final TrustStore trust;

    SignatureCheck(TrustStore trust) {
        this.trust = trust;
    }

    /**
     * Every entry but the manifest and the signature files themselves must verify and carry a signer whose
     * certificate the trust store accepts. Empty when that holds.
     */
    List<String> problems(Path jar, List<String> names) {
        List<String> problems = new ArrayList<>();
        if (trust.isEmpty()) {
            problems.add("平台未配置可信签名证书（etc/cn.supervision.contribution.cfg 的 trust.certificates）：不接受含代码的贡献包");
            return problems;
        }
        try (JarFile jf = new JarFile(jar.toFile(), true)) {
            byte[] buf = new byte[16 * 1024];
            for (String name : names) {
                if (name.endsWith("/") || name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || JarInspector.SIGNATURE_FILE.matcher(name).matches()) {
                    continue;
                }
                JarEntry e = jf.getJarEntry(name);
                try (InputStream in = jf.getInputStream(e)) {
                    while (in.read(buf) > 0) {
                        // reading to the end is what makes JarFile check the digest and report the signers
                    }
                } catch (SecurityException ex) {
                    problems.add("条目 " + name + " 的签名校验失败：" + ex.getMessage());
                    continue;
                }
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    problems.add("条目 " + name + " 未签名");
                } else if (Arrays.stream(signers).noneMatch(s -> trust.trusts(s.getSignerCertPath()))) {
                    problems.add("条目 " + name + " 的签名者不在可信证书中：" + TrustStore.subject(signers[0].getSignerCertPath()));
                }
                if (problems.size() >= 20) {
                    problems.add("……");
                    break;
                }
            }
        } catch (IOException | SecurityException e) {
            problems.add("签名无法校验：" + e.getMessage());
        }
        return problems;
    }

}
