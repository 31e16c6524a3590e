/** Pure topic tagging against a versioned taxonomy, with evidence. No Kafka here. */
package io.newsflow.enrich.tag;
