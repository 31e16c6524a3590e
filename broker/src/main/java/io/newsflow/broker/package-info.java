/** A real single-node Kafka broker (KRaft, combined broker and controller) run inside the JVM. */
package io.newsflow.broker;
