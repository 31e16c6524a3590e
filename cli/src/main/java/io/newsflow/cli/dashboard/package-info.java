/**
 * The web dashboard: what the pipeline is doing, read from its topics and consumer groups, served
 * as JSON and as a page that polls that JSON.
 */
package io.newsflow.cli.dashboard;
