/** Test support: one Kafka cluster fixture for every module's integration tests. */
package io.newsflow.testkit;
