/** Replay of archives: folders of text and HTML files, produced as raw articles. */
package io.newsflow.ingest.replay;
