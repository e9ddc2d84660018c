/**
 * Online backups of the platform database. Part of the platform contract that bundles are built against: versioned
 * semantically and checked against the last release by the baseline in the build.
 */
@Version("1.0.0")
package cn.supervision.api.backup;

import org.osgi.annotation.versioning.Version;
