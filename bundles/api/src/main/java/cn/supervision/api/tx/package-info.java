/**
 * Transaction helpers shared by the domain bundles: small, dependency-free, part of the versioned platform contract.
 */
@Version("1.0.0")
package cn.supervision.api.tx;

import org.osgi.annotation.versioning.Version;
