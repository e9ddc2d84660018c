/**
 * Schema migrations: each domain bundle ships its tables as a Liquibase changelog and has it applied to the supervision
 * database before its persistence unit is used.
 */
@Version("1.0.0")
package cn.supervision.api.schema;

import org.osgi.annotation.versioning.Version;
