package cn.supervision.contribution.internal;

import java.util.Optional;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import cn.supervision.api.contribution.ContributionService;

/**
 * Whether a bundle was made for the contribution format this platform reads ({@value ContributionService#CONTRACT_HEADER}).
 * A data bundle may not carry {@code Require-Capability} (the jar inspector refuses every header an extender could act
 * on), so the platform reads this header of its own instead of leaving the check to the resolver.
 */
final class ContractCheck {
    static final VersionRange ASSUMED = new VersionRange("[1.0,2)");
    private static final Version PLATFORM = Version.parseVersion(ContributionService.CONTRACT_VERSION);

    private ContractCheck() {
    }

    private static String shown(String header) {
        return header.length() > 60 ? header.substring(0, 60) + "…" : header;
    }

    /** The refusal reason, or empty when the bundle's range includes the platform's format version. */
    static Optional<String> refusal(String header) {
        VersionRange range;
        try {
            range = header == null || header.isBlank() ? ASSUMED : new VersionRange(header.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("清单头 " + ContributionService.CONTRACT_HEADER + " 不是有效的版本范围（例如 [1.0,2)）：" + shown(header));
        }
        if (range.getRight() == null) {
            // "1.0" means every version from 1.0 on, a promise no bundle can keep for formats not yet written
            return Optional.of("清单头 " + ContributionService.CONTRACT_HEADER + " 须写明上限（例如 [1.0,2)）：" + shown(header));
        }
        if (range.includes(PLATFORM)) {
            return Optional.empty();
        }
        return Optional.of("贡献包适用的贡献包规范版本为 " + range + "，本平台读取的是 " + PLATFORM
                + (range.getLeft().getMajor() > PLATFORM.getMajor() ? "：请升级平台，或使用为 " + PLATFORM.getMajor() + ".x 制作的贡献包"
                        : "：请按本平台的规范重新制作贡献包"));
    }
}
