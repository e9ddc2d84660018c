/**
 * What the REST gateway shares with the platform's adapters: request bounds (paging, streamed bodies, body limits), public
 * endpoints, client addresses, and how a domain refusal maps to a status ({@code ProblemStatus}, {@code LostLock}).
 * Platform bundles only; county bundles build against {@code cn.supervision.api}.
 */
@Version("1.0.0")
package cn.supervision.rest.bounds;

import org.osgi.annotation.versioning.Version;
