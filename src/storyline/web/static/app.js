// Storyline web UI: plain JS, no dependencies, nothing fetched from outside this server.
// Every piece of article-derived text reaches the page through textContent (el() below) or SVG
// text nodes, never through innerHTML, so markup inside an article is shown, not run.
"use strict";

// A TIMEX3 decade ("201") reads as "2010s"; other dates are shown as stored.
function showDate(value) {
  return /^\d{3}$/.test(String(value)) ? value + "0s" : String(value);
}

const main = document.getElementById("main");
const tooltip = document.getElementById("tooltip");
const SVG = "http://www.w3.org/2000/svg";

// -- small helpers ---------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

// Links we build ourselves start with "#/" or "/"; a URL that came from an article is only
// linked when it is http(s) (a "javascript:" URL becomes inert text).
function safeHref(v) {
  const s = String(v);
  if (s.startsWith("#/") || (s.startsWith("/") && !s.startsWith("//"))) return s;
  try {
    const u = new URL(s);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (e) { /* not a URL */ }
  return "#/";
}

function q(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? "?" + s : "";
}

async function api(path) {
  const res = await fetch(path, { headers: { accept: "application/json" } });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (data && data.error) || {};
    throw new Error((err.code ? "[" + err.code + "] " : "") + (err.message || res.statusText));
  }
  return data;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function show(...children) { clear(main); append(main, children); window.scrollTo(0, 0); }

function failure(err) { return el("p", { class: "error", role: "alert" }, String(err.message || err)); }

function notReady(part) {
  const cls = part.status === "failed" ? "missing failed" : "missing";
  return el("p", { class: cls, "data-status": part.status }, part.message || "not computed yet");
}

function span(start, end) {
  if (!start && !end) return "dates unknown";
  return start === end || !end ? String(start) : start + " – " + end;
}

function citeLink(c) {
  return el("a", {
    class: "cite", href: "#/article/" + encodeURIComponent(c.article) + q({ start: c.start, end: c.end }),
    title: "Open the source sentence", "data-article": c.article, "data-start": c.start, "data-end": c.end,
  }, "[" + (c.n || "↗") + "]");
}

function cites(list) {
  const out = [];
  for (const c of list || []) out.push(" ", citeLink(c));
  return out;
}

function section(id, title, ...body) {
  return el("section", { id: id, class: "panel", "data-panel": id }, el("h2", {}, title), ...body);
}

// -- router ----------------------------------------------------------------------------------------

function route() {
  const hash = location.hash || "#/";
  const [path, query] = hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  hideTooltip();
  if (parts[0] === "story" && parts[1]) return storyPage(parts[1]);
  if (parts[0] === "article" && parts[1]) return articlePage(parts[1], params);
  if (parts[0] === "search") return searchPage(params);
  if (parts[0] === "articles") return articlesPage(params);
  if (parts[0] === "upload") return uploadPage();
  return storyList();
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", route);

// -- story list ------------------------------------------------------------------------------------

async function storyList() {
  show(el("p", { class: "loading" }, "Loading stories…"));
  let data;
  try { data = await api("/api/stories"); } catch (e) { return show(failure(e)); }
  const rows = data.stories.map((s) => el("tr", { "data-story": s.id },
    el("td", {}, el("a", { href: "#/story/" + encodeURIComponent(s.id), class: "story-link" }, s.title || s.id)),
    el("td", {}, span(s.start, s.end)),
    el("td", { class: "outlets" }, (s.outlets || []).join(", ") || "—"),
    el("td", { class: "num" }, s.n_articles),
    el("td", { class: "num" }, s.n_events || "—")));
  show(el("h1", {}, "Stories"),
    rows.length ? el("table", { class: "list", id: "stories" },
      el("thead", {}, el("tr", {}, ["Story", "Time span", "Outlets", "Articles", "Events"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows))
      : el("p", {}, "No articles yet. ", el("a", { href: "#/upload" }, "Add some"), " or run ",
        el("code", {}, "storyline ingest PATH"), "."));
}

// -- story page ------------------------------------------------------------------------------------

async function storyPage(id) {
  show(el("p", { class: "loading" }, "Computing the story (the first time can take a while)…"));
  let d;
  try { d = await api("/api/stories/" + encodeURIComponent(id)); } catch (e) { return show(failure(e)); }
  const s = d.story;
  const sources = new Map((d.sources || []).map((x) => [x.n, x]));
  document.title = (s.title || "Story") + " · Storyline";
  show(
    el("h1", { id: "story-title" }, s.title || s.id),
    el("p", { class: "meta" }, span(s.start, s.end), " · ", s.n_articles + " articles · ",
      (s.outlets || []).length + " outlets", s.n_events ? " · " + s.n_events + " events" : "",
      " · ", el("a", { href: "#/search" + q({ story: s.id }) }, "search this story")),
    el("nav", { class: "toc" }, [["summary", "Summary"], ["timeline", "Timeline"], ["disagreements", "Disagreements"],
      ["coverage", "Coverage"], ["entities", "Entities"], ["quotes", "Quotes"], ["articles", "Articles"]]
      .map(([k, t]) => el("a", { href: "#/story/" + encodeURIComponent(s.id), onclick: (ev) => {
        ev.preventDefault(); document.getElementById(k).scrollIntoView({ behavior: "smooth" });
      } }, t))),
    summaryPanel(d.summary),
    timelinePanel(d.timeline),
    disagreementsPanel(d.disagreements, sources),
    coveragePanel(d.coverage, d.outlets),
    entitiesPanel(d.entities, s.id),
    quotesPanel(d.quotes),
    articlesPanel(d.articles));
}

function summaryPanel(p) {
  if (p.status !== "ok") return section("summary", "Summary", notReady(p));
  return section("summary", "Summary",
    el("div", { class: "summary" }, p.sentences.map((x) => el("p", { class: "sentence" },
      x.date ? el("span", { class: "date" }, showDate(x.date)) : null, x.text, cites(x.citations)))));
}

function timelinePanel(p) {
  if (p.status !== "ok") return section("timeline", "Timeline", notReady(p));
  const chart = el("div", { class: "chart", id: "timeline-chart" });
  const list = el("ol", { class: "timeline" }, p.entries.map((e, i) =>
    el("li", { id: "entry-" + i, class: e.background ? "background" : null },
      el("span", { class: "date" }, showDate(e.date)), e.background ? el("span", { class: "tag" }, "background") : null,
      " ", e.text, cites(e.citations))));
  const panel = section("timeline", "Timeline", chart, list);
  requestAnimationFrame(() => drawTimeline(chart, p.entries));
  return panel;
}

function disagreementsPanel(p, sources) {
  if (p.status !== "ok") return section("disagreements", "Disagreements", notReady(p));
  if (!p.disagreements.length) return section("disagreements", "Disagreements", el("p", {}, "The outlets agree on every number, date and quote checked."));
  return section("disagreements", "Disagreements", p.disagreements.map((x) =>
    el("article", { class: "disagreement", "data-kind": x.kind, "data-verdict": x.verdict },
      el("h3", {}, x.what || x.kind, " ", el("span", { class: "tag verdict" }, x.verdict || "")),
      x.explanation ? el("p", { class: "explanation" }, x.explanation) : null,
      el("div", { class: "sides" }, (x.sides || []).map((side) => el("div", { class: "side" },
        el("div", { class: "value" }, String(side.value)),
        el("div", { class: "who" }, (side.outlet || "outlet unknown") + (side.published ? " · " + showDate(side.published) : "")),
        (side.citations || []).map((c) => el("blockquote", {},
          sources.get(c.n) ? sources.get(c.n).quote : "", " ", citeLink(c)))))))));
}

function coveragePanel(p, outlets) {
  if (p.status !== "ok") {
    return section("coverage", "Coverage", notReady(p), outletTable(outlets));
  }
  const byKey = new Map(p.cells.map((c) => [c.outlet + "\u0000" + c.event, c]));
  const head = el("tr", {}, el("th", {}, "Outlet \\ event"), p.events.map((e) =>
    el("th", { class: "event-col" + (e.background ? " background" : ""), title: showDate(e.date) + ": " + e.text }, showDate(e.date))));
  const rows = p.outlets.map((o) => el("tr", {}, el("th", { scope: "row" }, o), p.events.map((e) => {
    const cell = byKey.get(o + "\u0000" + e.id);
    if (!cell) return el("td", { class: "empty" }, "");
    return el("td", { class: "hit" }, cell.articles.map((a) => el("a", {
      href: "#/article/" + encodeURIComponent(a.article) + q({ start: a.citation.start, end: a.citation.end }),
      title: (a.published ? "published " + showDate(a.published) + ": " : "") + e.text,
    }, a.published ? showDate(a.published) : "●")));
  })));
  return section("coverage", "Coverage",
    el("p", { class: "hint" }, "Which outlet reported which event, and when it published (hover a column for the event)."),
    el("div", { class: "scroll" }, el("table", { class: "coverage" }, el("thead", {}, head), el("tbody", {}, rows))),
    outletTable(outlets));
}

function outletTable(outlets) {
  return el("table", { class: "list", id: "outlets" },
    el("thead", {}, el("tr", {}, ["Outlet", "Articles", "First", "Last"].map((h) => el("th", {}, h)))),
    el("tbody", {}, (outlets || []).map((o) => el("tr", {}, el("td", {}, o.outlet),
      el("td", { class: "num" }, o.n_articles), el("td", {}, o.first ? showDate(o.first) : "—"), el("td", {}, o.last ? showDate(o.last) : "—")))));
}

function entitiesPanel(list, storyId) {
  return section("entities", "Entities", el("ul", { class: "chips" }, (list || []).map((e) =>
    el("li", { "data-type": e.type },
      el("a", { href: "#/search" + q({ q: e.name, entity: e.id, story: storyId }), title: (e.aliases || []).join(" · ") }, e.name),
      el("span", { class: "count" }, e.type + " · " + e.mentions)))));
}

function quotesPanel(p) {
  if (p.status !== "ok") return section("quotes", "Quotes by speaker", notReady(p));
  return section("quotes", "Quotes by speaker", p.speakers.map((sp, i) =>
    el("details", { class: "speaker", open: i < 3 },
      el("summary", {}, sp.speaker, el("span", { class: "count" }, " " + sp.n_quotes)),
      el("ul", {}, sp.quotes.map((x) => el("li", { class: "quote " + x.kind },
        el("q", {}, x.text), " ", el("span", { class: "who" }, (x.outlet || "") + (x.published ? " · " + showDate(x.published) : "")),
        " ", citeLink({ article: x.article, start: x.start, end: x.end, n: null })))))));
}

function articlesPanel(list) {
  return section("articles", "Articles", el("ul", { class: "articles" }, (list || []).map((a) =>
    el("li", {}, el("a", { href: "#/article/" + encodeURIComponent(a.id) }, a.title || a.id),
      el("span", { class: "who" }, " " + (a.outlet || "outlet unknown") + " · " + (a.published ? showDate(a.published) : "date unknown"))))));
}

// -- timeline chart (SVG) --------------------------------------------------------------------------

const DAY = 86400000;

function dateRange(value) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return [t, t + DAY, "day"];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1), "month"];
  if ((m = /^(\d{4})$/.exec(value))) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1), "year"];
  if ((m = /^(\d{3})$/.exec(value))) return [Date.UTC(+m[1] * 10, 0, 1), Date.UTC(+m[1] * 10 + 10, 0, 1), "decade"];
  return null;
}

function drawTimeline(box, entries) {
  const items = [];
  entries.forEach((e, i) => { const r = dateRange(e.date); if (r) items.push({ i, e, t0: r[0], t1: r[1], g: r[2] }); });
  if (!items.length) { box.appendChild(el("p", { class: "hint" }, "No entry has a calendar date to draw.")); return; }
  const lo = Math.min(...items.map((x) => x.t0)), hi = Math.max(...items.map((x) => x.t1));
  const pad = Math.max((hi - lo) * 0.04, 15 * DAY);
  const full = [lo - pad, hi + pad];
  let view = full.slice();
  const W = Math.max(box.clientWidth || 800, 320), laneH = 16, top = 8;
  const root = svg("svg", { width: W, role: "img", "aria-label": "Timeline of the story", class: "timeline-svg" });
  const marks = svg("g", {}), axis = svg("g", { class: "axis" });
  root.append(marks, axis);
  const controls = el("div", { class: "chart-controls" },
    el("button", { type: "button", onclick: () => zoom(0.5, W / 2), title: "Zoom in" }, "+"),
    el("button", { type: "button", onclick: () => zoom(2, W / 2), title: "Zoom out" }, "−"),
    el("button", { type: "button", onclick: () => { view = full.slice(); draw(); } }, "Reset"),
    el("span", { class: "hint" }, " Scroll to zoom, drag to pan, hover a mark for its event."));
  box.append(controls, root);

  const x = (t) => ((t - view[0]) / (view[1] - view[0])) * W;
  function draw() {
    clear(marks); clear(axis);
    const lanes = [];
    let maxLane = 0;
    for (const it of items) {
      const x0 = x(it.t0), x1 = Math.max(x(it.t1), x0 + 8);
      if (x1 < 0 || x0 > W) continue;
      let lane = lanes.findIndex((end) => end < x0 - 3);
      if (lane < 0) { lane = lanes.length; lanes.push(0); }
      lanes[lane] = x1;
      maxLane = Math.max(maxLane, lane);
      const y = top + lane * laneH;
      const cls = "mark " + it.g + (it.e.background ? " background" : "");
      const m = it.g === "day"
        ? svg("circle", { cx: x0 + 4, cy: y + 6, r: 5, class: cls })
        : svg("rect", { x: x0, y: y + 1, width: x1 - x0, height: 10, rx: 3, class: cls });
      m.setAttribute("data-entry", it.i);
      m.addEventListener("mousemove", (ev) => showTooltip(ev, showDate(it.e.date) + (it.e.background ? " (background)" : ""), it.e.text));
      m.addEventListener("mouseleave", hideTooltip);
      m.addEventListener("click", () => {
        const li = document.getElementById("entry-" + it.i);
        if (li) { li.scrollIntoView({ behavior: "smooth", block: "center" }); li.classList.add("flash"); setTimeout(() => li.classList.remove("flash"), 1200); }
      });
      marks.appendChild(m);
    }
    const H = top + (maxLane + 1) * laneH + 26;
    root.setAttribute("height", H);
    root.setAttribute("viewBox", "0 0 " + W + " " + H);
    axis.appendChild(svg("line", { x1: 0, x2: W, y1: H - 22, y2: H - 22, class: "axis-line" }));
    for (const [t, label] of ticks(view[0], view[1])) {
      const tx = x(t);
      axis.appendChild(svg("line", { x1: tx, x2: tx, y1: H - 22, y2: H - 17, class: "tick" }));
      if (tx > W - 8 * label.length) continue; // a label cut by the edge reads as another date
      const text = svg("text", { x: tx + 2, y: H - 6, class: "tick-label" });
      text.textContent = label;
      axis.appendChild(text);
    }
  }
  function zoom(f, px) {
    const c = view[0] + (px / W) * (view[1] - view[0]);
    const span = Math.max((view[1] - view[0]) * f, 10 * DAY);
    view = [c - (px / W) * span, c + (1 - px / W) * span];
    draw();
  }
  root.addEventListener("wheel", (ev) => { ev.preventDefault(); zoom(ev.deltaY < 0 ? 0.8 : 1.25, ev.offsetX); }, { passive: false });
  let drag = null;
  root.addEventListener("mousedown", (ev) => { drag = { x: ev.clientX, v: view.slice() }; });
  window.addEventListener("mouseup", () => { drag = null; });
  root.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const dt = ((ev.clientX - drag.x) / W) * (drag.v[1] - drag.v[0]);
    view = [drag.v[0] - dt, drag.v[1] - dt];
    draw();
  });
  draw();
}

function ticks(t0, t1) {
  const out = [];
  const years = (t1 - t0) / (365.25 * DAY);
  const d = new Date(t0);
  if (years > 2) {
    const step = years > 40 ? 10 : years > 15 ? 5 : years > 6 ? 2 : 1;
    for (let y = Math.ceil(d.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= t1; y += step) out.push([Date.UTC(y, 0, 1), String(y)]);
  } else {
    const step = years > 1 ? 3 : years > 0.3 ? 1 : 0;
    if (step) {
      for (let y = d.getUTCFullYear(), m = d.getUTCMonth() + 1; Date.UTC(y, m, 1) <= t1; m += step) {
        const t = Date.UTC(y, m, 1), dd = new Date(t);
        out.push([t, dd.getUTCFullYear() + "-" + String(dd.getUTCMonth() + 1).padStart(2, "0")]);
      }
    } else {
      const stepDays = Math.max(1, Math.round((t1 - t0) / DAY / 8));
      for (let t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += stepDays * DAY) out.push([t, new Date(t).toISOString().slice(0, 10)]);
    }
  }
  return out;
}

function showTooltip(ev, head, body) {
  clear(tooltip);
  append(tooltip, [el("strong", {}, head), el("div", {}, body)]);
  tooltip.hidden = false;
  tooltip.style.left = Math.min(ev.pageX + 12, document.body.scrollWidth - 340) + "px";
  tooltip.style.top = ev.pageY + 14 + "px";
}

function hideTooltip() { tooltip.hidden = true; }

// -- article reader --------------------------------------------------------------------------------

async function articlePage(id, params) {
  show(el("p", { class: "loading" }, "Loading the article…"));
  let a;
  try { a = await api("/api/articles/" + encodeURIComponent(id)); } catch (e) { return show(failure(e)); }
  document.title = (a.title || a.id) + " · Storyline";
  const start = params.has("start") ? parseInt(params.get("start"), 10) : null;
  const end = params.has("end") ? parseInt(params.get("end"), 10) : null;
  const body = el("div", { class: "article-text hide-removed", id: "article-text" });
  renderText(body, a, start, end);
  const toggle = el("input", { type: "checkbox", id: "show-removed", onchange: (ev) => {
    body.classList.toggle("hide-removed", !ev.target.checked);
  } });
  const url = a.url ? safeHref(a.url) : null;
  show(
    el("h1", { id: "article-title" }, a.title || "(no title)"),
    el("p", { class: "meta" }, (a.outlet || "outlet unknown") + " · " + (a.published ? showDate(a.published) : "date unknown")
      + (a.published_source ? " (" + a.published_source + ")" : "") + (a.byline ? " · " + a.byline : ""),
      url && url !== "#/" ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
      a.story ? [" · ", el("a", { href: "#/story/" + encodeURIComponent(a.story) }, "its story")] : null),
    el("p", { class: "controls" }, el("label", {}, toggle, " Show the " + a.removed.length + " removed boilerplate line(s) in place")),
    body,
    a.duplicates.length ? el("p", { class: "meta" }, "Copies: ", a.duplicates.map((d) =>
      [el("a", { href: "#/article/" + encodeURIComponent(d.article) }, d.article), " (" + d.kind + ") "])) : null);
  const mark = document.getElementById("hl");
  if (mark) mark.scrollIntoView({ block: "center" });
}

// The clean text with the highlighted span as one <mark id="hl"> and each removed line inserted
// where it stood (hidden until the toggle shows it). A removed line never goes inside the mark,
// so the mark holds exactly the cited words.
function renderText(box, a, start, end) {
  const text = a.text;
  const hl = start !== null && end !== null && start >= 0 && end > start && end <= text.length;
  const inserts = a.removed.map((r) => {
    let at = r.at;
    if (hl && at > start && at < end) at = end;
    return { at, r };
  }).sort((p, r) => p.at - r.at);
  const cuts = new Set([0, text.length]);
  if (hl) { cuts.add(start); cuts.add(end); }
  for (const x of inserts) cuts.add(Math.min(x.at, text.length));
  const points = [...cuts].sort((p, r) => p - r);
  let k = 0;
  const putRemoved = (pos) => {
    while (k < inserts.length && inserts[k].at <= pos) {
      const r = inserts[k++].r;
      box.appendChild(el("span", { class: "removed", "data-reason": r.reason, title: "removed: " + r.reason },
        el("span", { class: "reason" }, r.reason), " ", r.text, "\n"));
    }
  };
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i], p1 = points[i + 1];
    putRemoved(p0);
    const piece = text.slice(p0, p1);
    if (hl && p0 === start) box.appendChild(el("mark", { id: "hl", "data-start": start, "data-end": end }, piece));
    else box.appendChild(document.createTextNode(piece));
  }
  putRemoved(text.length);
}

// -- articles list ---------------------------------------------------------------------------------

async function articlesPage(params) {
  const offset = parseInt(params.get("offset") || "0", 10) || 0;
  let d;
  try { d = await api("/api/articles" + q({ limit: 100, offset })); } catch (e) { return show(failure(e)); }
  show(el("h1", {}, "Articles"), el("p", { class: "meta" }, d.total + " stored"),
    el("table", { class: "list" },
      el("thead", {}, el("tr", {}, ["Title", "Outlet", "Published", "Chars", "Removed", "Copies"].map((h) => el("th", {}, h)))),
      el("tbody", {}, d.articles.map((a) => el("tr", {},
        el("td", {}, el("a", { href: "#/article/" + encodeURIComponent(a.id) }, a.title || a.id)),
        el("td", {}, a.outlet || "—"), el("td", {}, a.published ? showDate(a.published) : "—"), el("td", { class: "num" }, a.n_chars),
        el("td", { class: "num" }, a.n_removed), el("td", { class: "num" }, a.copies))))),
    el("p", {}, offset > 0 ? el("a", { href: "#/articles" + q({ offset: Math.max(0, offset - 100) }) }, "← previous") : null, " ",
      offset + 100 < d.total ? el("a", { href: "#/articles" + q({ offset: offset + 100 }) }, "next →") : null));
}

// -- search ----------------------------------------------------------------------------------------

const SEARCH_FIELDS = [["q", "Words", "text"], ["story", "Story id", "text"], ["entity", "Entity", "text"],
  ["outlet", "Outlet", "text"], ["since", "Since (YYYY-MM-DD)", "text"], ["until", "Until", "text"]];

async function searchPage(params) {
  const inputs = {};
  const form = el("form", { id: "search-form", class: "search", onsubmit: (ev) => {
    ev.preventDefault();
    const values = {};
    for (const [k] of SEARCH_FIELDS) values[k] = inputs[k].value.trim();
    location.hash = "#/search" + q(values);
  } }, SEARCH_FIELDS.map(([k, label, type]) => {
    inputs[k] = el("input", { name: k, type, value: params.get(k) || "", placeholder: label, "aria-label": label });
    return inputs[k];
  }), el("button", { type: "submit" }, "Search"));
  const results = el("div", { id: "results" });
  show(el("h1", {}, "Search"), form, results);
  inputs.q.focus();
  const query = params.get("q");
  if (!query) return;
  append(results, [el("p", { class: "loading" }, "Searching…")]);
  let d;
  const filters = {};
  for (const [k] of SEARCH_FIELDS) filters[k] = params.get(k);
  try { d = await api("/api/search" + q(filters)); } catch (e) { clear(results); return append(results, [failure(e)]); }
  clear(results);
  if (d.status !== "ok") return append(results, [notReady(d)]);
  if (!d.hits.length) return append(results, [el("p", {}, "Nothing found.")]);
  const terms = query.toLowerCase().split(/\s+/).filter((t) => t.length > 1);
  append(results, [el("ol", { class: "hits" }, d.hits.map((h) => hitItem(h, terms)))]);
}

function hitTarget(h) {
  const c = (h.citations && h.citations[0]) || (h.citation) || (h.start !== undefined ? h : null);
  const article = (c && c.article) || h.article || h.article_id;
  if (!article) return null;
  return "#/article/" + encodeURIComponent(article) + (c && c.end ? q({ start: c.start, end: c.end }) : "");
}

// The hit's sentence as text; the search part's matched spans (offsets into the article's clean
// text) become <mark> elements. Its `snippet` is HTML and is deliberately not used.
function hitItem(h, terms) {
  const text = h.text || h.sentence || "";
  const base = h.start || 0;
  const spans = (h.highlights || []).map(([s, e]) => [s - base, e - base])
    .filter(([s, e]) => s >= 0 && e > s && e <= text.length).sort((a, b) => a[0] - b[0]);
  const target = hitTarget(h);
  return el("li", { class: "hit" },
    el("div", {}, target ? el("a", { href: target, class: "hit-link" }, h.title || h.article || "result") : (h.title || "result"),
      el("span", { class: "who" }, " " + [h.outlet, h.published && showDate(h.published)].filter(Boolean).join(" · "))),
    el("p", { class: "snippet" }, spans.length ? markSpans(text, spans) : highlight(text, terms)));
}

function markSpans(text, spans) {
  const out = [];
  let pos = 0;
  for (const [s, e] of spans) {
    if (s < pos) continue;
    out.push(text.slice(pos, s), el("mark", {}, text.slice(s, e)));
    pos = e;
  }
  out.push(text.slice(pos));
  return out;
}

// Query words marked in a snippet: split into text and <mark> nodes, never parsed as HTML.
function highlight(text, terms) {
  if (!terms.length) return [text];
  const esc = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp("(" + esc.join("|") + ")", "gi");
  return String(text).split(re).map((piece, i) => (i % 2 ? el("mark", {}, piece) : piece));
}

// -- upload ----------------------------------------------------------------------------------------

function uploadPage() {
  const input = el("input", { type: "file", name: "files", multiple: true, id: "upload-files" });
  const out = el("div", { id: "upload-result" });
  const form = el("form", { class: "upload", onsubmit: async (ev) => {
    ev.preventDefault();
    if (!input.files.length) return;
    const body = new FormData();
    for (const f of input.files) body.append("files", f, f.name);
    clear(out); append(out, [el("p", { class: "loading" }, "Ingesting and analysing…")]);
    let d;
    try {
      const res = await fetch("/api/ingest", { method: "POST", body });
      d = await res.json();
      if (!res.ok) throw new Error("[" + d.error.code + "] " + d.error.message);
    } catch (e) { clear(out); return append(out, [failure(e)]); }
    clear(out);
    append(out, [el("p", {}, d.articles_added + " new article(s), " + d.articles_already_stored + " already stored, "
      + d.quarantined + " quarantined."),
      d.quarantine.length ? el("ul", { class: "quarantine" }, d.quarantine.map((x) =>
        el("li", {}, el("code", {}, x.code), " " + x.origin + ": " + x.detail))) : null,
      el("p", {}, el("a", { href: "#/" }, "Back to the stories"))]);
  } }, input, " ", el("button", { type: "submit" }, "Ingest"));
  show(el("h1", {}, "Add articles"),
    el("p", {}, "Text, HTML, JSONL/JSON, CSV, RSS/Atom or WARC files; they are cleaned, analysed and stored like `storyline ingest` does."),
    form, out);
}
