/**
 * Transaction helpers shared by the domain bundles: small, dependency-free, part of the versioned platform contract.
 * 1.1: {@link cn.supervision.api.tx.TransactionLock}.
 */
@Version("1.1.0")
package cn.supervision.api.tx;

import org.osgi.annotation.versioning.Version;
