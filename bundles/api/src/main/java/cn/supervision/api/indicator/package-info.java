/**
 * Part of the platform contract that bundles are built against: versioned semantically and checked against the last
 * release by the baseline in the build (a removed or changed member is a major change; a method added to a provider
 * type is a minor one).
 */
@Version("1.3.0")
package cn.supervision.api.indicator;

import org.osgi.annotation.versioning.Version;
