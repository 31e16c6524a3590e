/** Re-tagging history: past articles tagged again with a new taxonomy, beside the live pipeline. */
package io.newsflow.enrich.retag;
