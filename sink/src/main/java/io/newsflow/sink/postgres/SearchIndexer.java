package io.newsflow.sink.postgres;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills {@code articles.search} for rows the sink wrote, on a connection and thread of its own, so
 * that stemming the text does not slow the sink's transactions. Calls {@code
 * newsflow_index_search(200)} until nothing is left, then naps. Working through a backlog it rests
 * as long as each call took: rows are the sink's exactly-once output, the search vector an index
 * that may follow a little later, so in a burst the rows get the CPU first. A failure is logged and
 * retried: the rows stay, only their search vector waits.
 */
final class SearchIndexer implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
  static final int ROWS_PER_CALL = 200;
  private static final long IDLE_MS = 200;

  private final String jdbcUrl;
  private final Properties props;
  private final Thread thread;
  private volatile boolean running = true;

  SearchIndexer(String jdbcUrl, Properties props) {
    this.jdbcUrl = jdbcUrl;
    this.props = props;
    this.thread = new Thread(this, "newsflow-search-indexer");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  @Override
  public void run() {
    while (running) {
      try (Connection c = DriverManager.getConnection(jdbcUrl, props)) {
        while (running) {
          long t0 = System.nanoTime();
          int done = indexSome(c);
          if (done == 0) {
            Thread.sleep(IDLE_MS);
          } else if (done == ROWS_PER_CALL) {
            // a backlog (a burst, or a start after downtime): rest as long as the call took, so
            // stemming takes at most half a core from the server while the sink stores rows
            Thread.sleep(Math.max(1, (System.nanoTime() - t0) / 1_000_000));
          }
        }
      } catch (SQLException e) {
        LOG.warn("search indexing failed (will retry): {}", e.getMessage());
        napQuietly(2000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Indexes up to {@link #ROWS_PER_CALL} rows; returns how many. */
  static int indexSome(Connection c) throws SQLException {
    try (CallableStatement st = c.prepareCall("{? = call newsflow_index_search(?)}")) {
      st.registerOutParameter(1, java.sql.Types.INTEGER);
      st.setInt(2, ROWS_PER_CALL);
      st.execute();
      return st.getInt(1);
    }
  }

  private void napQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
