/**
 * Extraction health: per outlet, rolling figures of what extraction yields, and an alert when an
 * outlet's recent figures break from its own history (as when a site changes its page template).
 * Pure: no Kafka type.
 */
package io.newsflow.cli.health;
