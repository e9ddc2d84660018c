/**
 * One fake per domain service interface of the api, and per platform interface the bundles' tests stand in for
 * (servlet request and response, JAX-RS contexts and {@code UriInfo}, OSGi bundle and bundle context, JPA entity
 * manager): a concrete class whose every method throws {@link java.lang.UnsupportedOperationException} naming the
 * method. A test subclasses it anonymously (or as a small named class with fields that record calls) and overrides only
 * what the code under test uses, so the compiler checks each fake against the interface and an addition to the api
 * breaks no test that does not use it.
 */
package cn.supervision.testing.fakes;
