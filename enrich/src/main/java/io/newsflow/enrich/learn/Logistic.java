package io.newsflow.enrich.learn;

/**
 * L2-penalised logistic regression fitted by Newton's method on standardised features. The fit is
 * deterministic (no random start, no sampling), so a model is reproduced exactly from its data.
 * Returned weights are on the original feature scale: {@code [bias, w1, ..., wd]}. Shared by the
 * tagger's models ({@code ModelTraining}) and the page-kind model ({@code PageKindTraining}). Pure.
 */
public final class Logistic {
  private static final int MAX_ITERATIONS = 100;

  private Logistic() {}

  /**
   * Fits {@code P(y = 1 | x)}.
   *
   * @param weight each row's weight in the likelihood
   * @param lambda the L2 penalty on the standardised weights (not on the intercept), per unit of
   *     sample weight
   */
  public static double[] fit(double[][] x, int[] y, double[] weight, double lambda) {
    int n = x.length;
    double total = 0;
    for (double v : weight) {
      total += v;
    }
    int d = x[0].length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n; // unweighted: only a scale
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = sd[j] > 1e-12 ? Math.sqrt(sd[j]) : 0; // a constant feature gets weight 0
    }
    double[][] z = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < d; j++) {
        z[i][j + 1] = sd[j] == 0 ? 0 : (x[i][j] - mean[j]) / sd[j];
      }
    }
    double[] w = new double[d + 1];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] grad = new double[d + 1];
      double[][] hess = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double p = sigmoid(dot(w, z[i]));
        double r = weight[i] * (p - y[i]);
        double s = weight[i] * p * (1 - p);
        for (int a = 0; a <= d; a++) {
          grad[a] += r * z[i][a];
          for (int b = 0; b <= d; b++) {
            hess[a][b] += s * z[i][a] * z[i][b];
          }
        }
      }
      double scale = total / n; // the penalty is per unit of sample weight
      for (int a = 1; a <= d; a++) {
        grad[a] += lambda * scale * w[a];
        hess[a][a] += lambda * scale;
      }
      hess[0][0] += 1e-9;
      double[] step = solve(hess, grad);
      double size = 0;
      for (int a = 0; a <= d; a++) {
        w[a] -= step[a];
        size = Math.max(size, Math.abs(step[a]));
      }
      if (size < 1e-10) {
        break;
      }
    }
    double[] out = new double[d + 1];
    out[0] = w[0];
    for (int j = 0; j < d; j++) {
      double wj = sd[j] == 0 ? 0 : w[j + 1] / sd[j];
      out[j + 1] = wj;
      out[0] -= wj * mean[j];
    }
    return out;
  }

  /**
   * Fits, then drops the feature whose weight most contradicts its expected sign and fits again,
   * until every weight agrees with its sign. A dropped feature keeps weight 0. Expected signs keep
   * a model to what each feature is known to mean, so features that move together cannot trade
   * large weights of opposite sign that hold on the training data only.
   *
   * @param signs per feature: +1 (may only speak for {@code y = 1}), -1 (only against), 0 (either)
   */
  public static double[] fitSigned(
      double[][] x, int[] y, double[] weight, double lambda, int[] signs) {
    java.util.Set<Integer> dropped = new java.util.HashSet<>();
    while (true) {
      double[][] masked = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        masked[i] = x[i].clone();
        for (int j : dropped) {
          masked[i][j] = 0;
        }
      }
      double[] w = fit(masked, y, weight, lambda);
      int worst = -1;
      double worstSize = 0;
      for (int j = 0; j < signs.length; j++) {
        double signed = w[j + 1] * signs[j];
        if (signed < 0 && -signed > worstSize) {
          worst = j;
          worstSize = -signed;
        }
      }
      if (worst < 0) {
        return w;
      }
      dropped.add(worst);
    }
  }

  /** The log-odds of {@code x} under weights from {@link #fit}. */
  public static double logit(double[] w, double[] x) {
    double z = w[0];
    for (int j = 0; j < x.length; j++) {
      z += w[j + 1] * x[j];
    }
    return z;
  }

  /** The probability of {@code x} under weights from {@link #fit}. */
  public static double probability(double[] w, double[] x) {
    double z = w[0];
    for (int j = 0; j < x.length; j++) {
      z += w[j + 1] * x[j];
    }
    return sigmoid(z);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[pivot];
      m[pivot] = tmp;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
