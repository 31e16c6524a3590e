/** Speed of the story step alone, with a full window of open stories. */
package io.newsflow.bench.story;
