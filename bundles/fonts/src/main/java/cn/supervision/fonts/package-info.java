/**
 * The CJK faces the platform's documents are rendered with.
 */
@Version("1.0.0")
package cn.supervision.fonts;

import org.osgi.annotation.versioning.Version;
