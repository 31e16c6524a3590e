/** Stories from {@code news.stories} into {@code stories.jsonl} and a PostgreSQL table. */
package io.newsflow.sink.story;
