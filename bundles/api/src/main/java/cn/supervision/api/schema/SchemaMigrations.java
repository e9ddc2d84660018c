package cn.supervision.api.schema;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Brings the supervision database up to a bundle's changelog. The service is per bundle: {@code changelog} is a
 * resource of the bundle that got the service (e.g. {@code db/changelog/campaign.xml}).
 *
 * <p>In Blueprint the migrated persistence unit is a bean made by {@link #migrated}, so nothing of the bundle can touch
 * the unit before its tables exist:
 * <pre>{@code
 * <reference id="unit" interface="org.apache.aries.jpa.template.JpaTemplate" filter="(osgi.unit.name=supervision-x)"/>
 * <reference id="schema" interface="cn.supervision.api.schema.SchemaMigrations"/>
 * <bean id="jpa" factory-ref="schema" factory-method="migrated">
 *   <argument ref="unit"/>
 *   <argument value="db/changelog/x.xml"/>
 * </bean>
 * }</pre>
 */
@ProviderType
public interface SchemaMigrations {

    /**
     * Applies the changesets of {@code changelog} not yet applied (once per database, under Liquibase's lock, so
     * several nodes may start together), then answers {@code unit} unchanged.
     *
     * @throws IllegalStateException when the changelog cannot be read or a changeset fails; nothing of that changeset
     *                               is kept where the database can roll DDL back
     */
    <T> T migrated(T unit, String changelog);
}
