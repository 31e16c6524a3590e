/** JSON Lines output: one JSON object per article, one article per id. */
package io.newsflow.sink.jsonl;
