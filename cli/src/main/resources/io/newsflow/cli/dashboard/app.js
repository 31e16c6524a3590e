// newsflow dashboard: one page, hash routes, each view drawn from its JSON endpoint and refreshed
// every two seconds. No framework: a few functions that turn JSON into HTML.
(function () {
  "use strict";
  const REFRESH_MS = 2000;
  const view = document.getElementById("view");
  const status = document.getElementById("status");
  let timer = null;
  let plot = null;
  let route = null;

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }
  function num(n) { return n == null ? "" : Number(n).toLocaleString("en"); }
  function ago(iso) {
    if (!iso) return "";
    const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    return s < 60 ? s + " s ago" : s < 3600 ? Math.round(s / 60) + " min ago" : new Date(iso).toLocaleString();
  }
  async function get(url) {
    const r = await fetch(url, { cache: "no-store" });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  // ---- outlets ----
  async function outlets() {
    const d = await get("/api/outlets");
    if (!d.outlets.length) {
      view.innerHTML = '<p class="muted" id="no-outlets">No outlet has produced anything yet.</p>';
      return;
    }
    const monitored = d.outlets.some((o) => o.monitored);
    let h = '<h2>Outlets</h2><table id="outlets"><thead><tr><th>outlet</th>';
    if (monitored) h += '<th class="num">polls</th><th class="num">new</th><th class="num">updated</th><th class="num">errors</th>';
    h += '<th class="num">ingested</th><th class="num">enriched</th><th class="num">dead-lettered</th><th>last seen</th>';
    if (monitored) h += "<th>waiting for</th><th>last error</th>";
    h += "</tr></thead><tbody>";
    for (const o of d.outlets) {
      h += '<tr data-outlet="' + esc(o.outlet) + '"><td><a href="#/articles?outlet=' + encodeURIComponent(o.outlet) + '">' + esc(o.outlet) + "</a></td>";
      if (monitored) {
        h += '<td class="num polls">' + num(o.polls) + '</td><td class="num">' + num(o.newArticles) + '</td><td class="num">' +
          num(o.updatedArticles) + '</td><td class="num ' + (o.errors ? "bad" : "") + '">' + num(o.errors) + "</td>";
      }
      h += '<td class="num ingested">' + num(o.ingested) + '</td><td class="num enriched">' + num(o.enriched) +
        '</td><td class="num dead ' + (o.deadLettered ? "bad" : "") + '">' + num(o.deadLettered) + "</td><td>" + esc(ago(o.lastSeen)) + "</td>";
      if (monitored) {
        h += '<td class="waiting">' + esc(o.waitingFor || "") + "</td><td>" +
          (o.lastError ? '<details><summary class="bad">' + esc(o.lastError.slice(0, 60)) + '…</summary><pre>' + esc(o.lastError) + "</pre></details>" : "") + "</td>";
      }
      h += "</tr>";
    }
    view.innerHTML = h + "</tbody></table>";
  }

  // ---- pipeline ----
  async function pipeline() {
    const d = await get("/api/pipeline");
    if (!document.getElementById("rates")) {
      view.innerHTML =
        '<div class="cards" id="totals"></div><h2>Articles per second, by stage (last 10 minutes)</h2>' +
        '<div class="card" id="rates"></div><div id="pipeline-tables"></div>';
      plot = null;
    }
    let cards = "";
    for (const [stage, n] of Object.entries(d.totals)) {
      cards += '<div class="card"><div class="muted">' + esc(stage) + '</div><div class="big" id="total-' +
        esc(stage.replace(/ /g, "-")) + '">' + num(n) + "</div></div>";
    }
    document.getElementById("totals").innerHTML = cards;
    drawRates(d.rates);
    let h = "";
    if (d.alerts.length) {
      h += "<h2>Alerts</h2>";
      for (const a of d.alerts) h += '<div class="card alert"><strong>' + esc(a.outlet) + "</strong>: " + esc(a.message) + ' <span class="muted">' + esc(ago(a.at)) + "</span></div>";
    }
    h += '<h2>Consumer lag</h2><table id="lag"><thead><tr><th>stage</th><th class="num">records behind</th></tr></thead><tbody>';
    for (const [stage, n] of Object.entries(d.lag)) h += "<tr><td>" + esc(stage) + '</td><td class="num">' + num(n) + "</td></tr>";
    h += "</tbody></table>" + (d.lagError ? '<p class="bad">' + esc(d.lagError) + "</p>" : "");
    h += '<h2>Dead letters by stage and reason</h2><table id="dead-reasons"><thead><tr><th>stage: reason</th><th class="num">count</th></tr></thead><tbody>';
    for (const r of d.deadLettersByReason) h += "<tr><td>" + esc(r.stageAndReason) + '</td><td class="num">' + num(r.count) + "</td></tr>";
    if (!d.deadLettersByReason.length) h += '<tr><td class="muted" colspan="2">none</td></tr>';
    h += '</tbody></table><h2>Latest dead letters <a href="#/dead-letters">(read them)</a></h2>' + deadTable(d.latestDeadLetters, false);
    document.getElementById("pipeline-tables").innerHTML = h;
  }

  function drawRates(r) {
    const el = document.getElementById("rates");
    const stages = Object.keys(r.perSecond);
    const data = [r.t].concat(stages.map((s) => r.perSecond[s]));
    if (typeof uPlot === "undefined") { el.textContent = "plot library missing"; return; }
    if (plot) { plot.setData(data); return; }
    const colors = ["#1f5fbf", "#2e8b57", "#8a4fbf", "#b3261e"];
    plot = new uPlot({
      width: Math.max(400, el.clientWidth - 30), height: 240,
      series: [{}].concat(stages.map((s, i) => ({ label: s, stroke: colors[i % colors.length], width: 2 }))),
      axes: [{}, { label: "articles/s" }],
      scales: { x: { time: true } },
    }, data, el);
  }

  function deadTable(list, full) {
    if (!list.length) return '<p class="muted">No dead letters.</p>';
    let h = '<table class="dead-letters"><thead><tr><th>when</th><th>stage</th><th>reason</th><th>article</th><th>from</th></tr></thead><tbody>';
    for (const d of list) {
      h += '<tr class="dead-letter"><td>' + esc(ago(d.failedAt)) + "</td><td>" + esc(d.stage) + '</td><td class="reason-text">' + esc(d.reason) +
        (d.errorClass ? '<div class="muted">' + esc(d.errorClass) + "</div>" : "") + "</td><td>" + esc(d.source || d.articleId || "") +
        '</td><td class="muted">' + esc(d.topic) + "-" + esc(d.partition) + "@" + esc(d.offset) + "</td></tr>";
      if (full && d.valuePreview != null) {
        h += '<tr><td></td><td colspan="4"><details><summary>original record (' + num(d.valueBytes) + " bytes)</summary><pre>" + esc(d.valuePreview) + "</pre></details></td></tr>";
      }
    }
    return h + "</tbody></table>";
  }

  async function deadLetters() {
    const d = await get("/api/dead-letters");
    view.innerHTML = "<h2>Latest dead letters</h2>" + deadTable(d.deadLetters, true);
  }

  // ---- articles ----
  async function articles(params) {
    const q = new URLSearchParams(params);
    const d = await get("/api/articles?" + q.toString());
    if (!document.getElementById("article-filters")) {
      view.innerHTML = '<div class="filters" id="article-filters"></div><div id="article-list"></div>';
    }
    const f = document.getElementById("article-filters");
    const sel = (name, values) => {
      let s = '<label>' + name + ' <select name="' + name + '"><option value="">all</option>';
      for (const v of values) s += '<option' + (q.get(name) === v ? " selected" : "") + ' value="' + esc(v) + '">' + esc(v) + "</option>";
      return s + "</select></label>";
    };
    if (!f.contains(document.activeElement)) {
      f.innerHTML = sel("topic", d.topics) + sel("outlet", d.outlets) + sel("language", d.languages);
      f.querySelectorAll("select").forEach((s) => s.addEventListener("change", () => {
        const p = new URLSearchParams();
        f.querySelectorAll("select").forEach((x) => { if (x.value) p.set(x.name, x.value); });
        location.hash = "#/articles" + (p.toString() ? "?" + p.toString() : "");
      }));
    }
    let h = '<table id="articles"><thead><tr><th>title</th><th>outlet</th><th>lang</th><th>topics</th><th class="num">words</th><th class="num">removed lines</th><th>fetched</th></tr></thead><tbody>';
    for (const a of d.articles) {
      h += '<tr class="article-row"><td><a href="#/article/' + encodeURIComponent(a.id) + '">' + esc(a.title || a.id) + "</a></td><td>" + esc(a.outlet) +
        "</td><td>" + esc(a.language) + "</td><td>" + a.topics.map((t) => '<span class="tag">' + esc(t) + "</span>").join("") +
        '</td><td class="num">' + num(a.words) + '</td><td class="num">' + num(a.removedLines) + "</td><td>" + esc(ago(a.fetchedAt)) + "</td></tr>";
    }
    if (!d.articles.length) h += '<tr><td colspan="7" class="muted">No article matches.</td></tr>';
    document.getElementById("article-list").innerHTML = h + '</tbody></table><p class="muted">Showing the latest of the ' + num(d.kept) + " articles the dashboard keeps.</p>";
  }

  // text with the evidence ranges of one field marked, paragraphs kept
  function marked(text, spans) {
    spans = spans.slice().sort((a, b) => a.start - b.start);
    let out = "", pos = 0;
    for (const s of spans) {
      if (s.start < pos || s.end > text.length) continue;
      out += esc(text.slice(pos, s.start)) + '<mark title="' + esc(s.topic + ": " + s.rule) + '" data-topic="' + esc(s.topic) + '">' + esc(text.slice(s.start, s.end)) + "</mark>";
      pos = s.end;
    }
    out += esc(text.slice(pos));
    return out.split("\n\n").map((p) => "<p>" + p + "</p>").join("");
  }

  async function article(id) {
    const a = await get("/api/articles/" + encodeURIComponent(id));
    const spans = { text: [], title: [] };
    for (const t of a.topics) for (const e of t.evidence) (spans[e.field] || []).push({ start: e.start, end: e.end, rule: e.rule, topic: t.name });
    let h = '<div class="article"><div><h2 id="article-title">' + marked(a.title || "(no title)", spans.title).replace(/^<p>|<\/p>$/g, "") + "</h2>";
    h += '<p class="muted">' + esc(a.outlet || "") + " · " + esc(a.language || "?") + " · published " + esc(a.published || "unknown") +
      (a.authors.length ? " · by " + esc(a.authors.join(", ")) : "") + ' · <a href="' + esc(a.source) + '">source</a></p>';
    h += "<p>" + a.topics.map((t) => '<span class="tag">' + esc(t.name) + " " + t.score.toFixed(2) + "</span>").join("") + "</p>";
    h += '<div class="card text" id="article-text">' + marked(a.text, spans.text) + "</div></div>";
    h += '<div><h2>Evidence</h2><ul id="evidence">';
    for (const t of a.topics) for (const e of t.evidence) h += "<li><mark>" + esc(e.phrase) + '</mark> <span class="reason">' + esc(t.name + " · " + e.rule + " · " + e.field) + "</span></li>";
    h += '</ul><h2>Deciding sentences</h2><ul id="sentences">';
    for (const t of a.topics) for (const e of (t.sentences || [])) h += "<li>" + esc(e.phrase) + ' <span class="reason">' + esc(t.name + " · " + e.rule + " · " + e.field) + "</span></li>";
    h += '</ul><h2>Removed lines (' + a.removed.length + ')</h2><ul class="removed" id="removed">';
    for (const r of a.removed) h += "<li>" + esc(r.text) + ' <span class="reason">' + esc(r.reason) + "</span></li>";
    view.innerHTML = h + "</ul></div></div>";
  }

  // ---- routing and refresh ----
  function parse() {
    const h = location.hash.replace(/^#\/?/, "") || "outlets";
    const [path, query] = h.split("?");
    const [name, ...rest] = path.split("/");
    return { name, arg: decodeURIComponent(rest.join("/")), params: Object.fromEntries(new URLSearchParams(query || "")) };
  }
  async function refresh() {
    const r = route;
    try {
      if (r.name === "pipeline") await pipeline();
      else if (r.name === "articles") await articles(r.params);
      else if (r.name === "article") await article(r.arg);
      else if (r.name === "dead-letters") await deadLetters();
      else await outlets();
      status.textContent = "updated " + new Date().toLocaleTimeString();
      // for the first-paint benchmark: milliseconds from navigation to the first view drawn with data
      if (!document.body.dataset.firstRenderMs) document.body.dataset.firstRenderMs = String(Math.round(performance.now()));
      status.className = "muted";
    } catch (e) {
      status.textContent = "cannot reach newsflow: " + e.message;
      status.className = "bad";
    }
  }
  function go() {
    route = parse();
    document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === route.name));
    view.innerHTML = "";
    plot = null;
    clearInterval(timer);
    refresh();
    // an article's page does not change under its reader; the others follow the pipeline
    if (route.name !== "article") timer = setInterval(refresh, REFRESH_MS);
  }
  window.addEventListener("hashchange", go);
  go();
})();
