"use strict";
// The mtcheck check report. Every piece of article text reaches the page through
// textContent or createTextNode, never as markup.
(function () {
  const PAGE_SIZE = 50;
  const index = JSON.parse(document.getElementById("mt-index").textContent);
  const categories = index.categories;
  const byCategory = new Map(categories.map((c, i) => [c.category, i]));
  const view = document.getElementById("view");
  const state = { search: "", category: "", rule: "", severity: "", sort: "score", page: 0 };
  const cache = new Map();
  let urlTimer = 0;
  let current = null; // { article, number, marks, listButtons, selected }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  function article(number) {
    if (!cache.has(number)) {
      const data = document.getElementById("mt-a-" + number);
      cache.set(number, data ? JSON.parse(data.textContent) : null);
    }
    return cache.get(number);
  }

  function categoryOf(name) {
    const i = byCategory.get(name);
    return i === undefined ? categories[categories.length - 1] : categories[i];
  }

  function badge(category, attrs) {
    const style = categoryOf(category);
    return el(attrs && attrs.tag ? attrs.tag : "span",
      Object.assign({ class: "badge " + style.css }, attrs || {}, { tag: null }), style.label);
  }

  function scoreText(score) {
    return score === null || score === undefined ? "—" : score.toFixed(1);
  }

  // A bar chart of counts per category, labelled so that colour is never the only cue.
  function chart(counts, title) {
    const rows = categories.map((c, i) => [c, counts[i] || 0]).filter((r) => r[1] > 0);
    const figure = el("figure", { class: "chart-box" });
    figure.append(el("figcaption", { class: "key", text: title }));
    if (!rows.length) {
      figure.append(el("p", { text: "No findings." }));
      return figure;
    }
    const most = Math.max(...rows.map((r) => r[1]));
    const rowHeight = 20, labelWidth = 160, barWidth = 160;
    const box = svg("svg", {
      class: "chart", role: "img", width: labelWidth + barWidth + 50,
      height: rows.length * rowHeight + 4,
      "aria-label": rows.map((r) => r[0].category + " " + r[1]).join(", "),
    });
    rows.forEach(([style, count], i) => {
      const y = i * rowHeight + 2;
      const label = svg("text", { x: 0, y: y + 14 });
      label.textContent = style.label + " " + style.category;
      const bar = svg("rect", {
        class: style.css, x: labelWidth, y: y + 2,
        width: Math.max(2, Math.round((barWidth * count) / most)), height: rowHeight - 6,
      });
      const value = svg("text", { x: labelWidth + barWidth + 6, y: y + 14 });
      value.textContent = String(count);
      box.append(label, bar, value);
    });
    figure.append(box);
    return figure;
  }

  // ---- the index -------------------------------------------------------------

  function matches(file) {
    if (state.category !== "" && !file.counts[Number(state.category)]) return false;
    if (state.rule && !file.rules.includes(state.rule)) return false;
    if (state.severity !== "" && !file.severities[Number(state.severity)]) return false;
    if (state.search) {
      const needle = state.search.toLowerCase();
      if (!file.path.toLowerCase().includes(needle) && !file.matched.includes(needle)) return false;
    }
    return true;
  }

  function sorted(files) {
    const key = {
      score: (f) => (f.error ? -2 : f.score === null ? 101 : f.score),
      findings: (f) => -f.total,
      path: null,
    }[state.sort];
    const copy = files.slice();
    if (key) copy.sort((a, b) => key(a) - key(b) || a.path.localeCompare(b.path));
    else copy.sort((a, b) => a.path.localeCompare(b.path));
    return copy;
  }

  function select(label, name, options) {
    const control = el("select", {
      name, id: "filter-" + name,
      onchange: (event) => { state[name] = event.target.value; state.page = 0; renderRows(); },
    });
    for (const [value, text] of options) {
      const option = el("option", { value }, text);
      if (String(state[name]) === String(value)) option.selected = true;
      control.append(option);
    }
    return el("label", {}, label, control);
  }

  let tableBody = null, pagerText = null, prevButton = null, nextButton = null, shownCount = null;

  function renderIndex() {
    clearTimeout(urlTimer);
    current = null;
    document.getElementById("title").textContent = "mtcheck report";
    const files = index.files;
    const totals = categories.map((_, i) => files.reduce((sum, f) => sum + f.counts[i], 0));
    const findings = files.reduce((sum, f) => sum + f.total, 0);
    document.getElementById("meta").textContent =
      files.length + " files, " + findings + " findings · mtcheck " + index.version;
    document.getElementById("crumbs").replaceChildren();
    const used = categories.map((c, i) => [c, i]).filter(([, i]) => totals[i] > 0);
    const search = el("input", {
      type: "search", id: "filter-search", value: state.search, placeholder: "path or flagged words",
      oninput: (event) => { state.search = event.target.value; state.page = 0; renderRows(); },
    });
    const filters = el("form", { class: "filters", role: "search", onsubmit: (e) => e.preventDefault() },
      el("label", {}, "Search", search),
      select("Category", "category", [["", "all"], ...used.map(([c, i]) => [i, c.label + " " + c.category])]),
      select("Rule", "rule", [["", "all"], ...Object.keys(index.rules).map((r) => [r, r + " " + (index.rules[r].name || "")])]),
      select("Severity", "severity", [["", "all"], ...index.severities.map((s, i) => [i, s])]),
      select("Sort by", "sort", [["score", "score, worst first"], ["findings", "most findings"], ["path", "path"]]),
    );
    const head = el("tr", {},
      el("th", { scope: "col" }, "Article"),
      el("th", { scope: "col", class: "num" }, "Score"),
      el("th", { scope: "col", class: "num" }, "Words"),
      el("th", { scope: "col", class: "num" }, "Findings"),
      ...used.map(([c]) => el("th", { scope: "col", class: "num", title: c.category },
        el("span", { class: "swatch " + c.css }, c.label))),
    );
    tableBody = el("tbody", { id: "index-rows" });
    shownCount = el("span", { id: "shown-count" });
    pagerText = el("span", { id: "page-of" });
    prevButton = el("button", { type: "button", class: "pager", id: "page-prev",
      onclick: () => { state.page -= 1; renderRows(); } }, "← Previous");
    nextButton = el("button", { type: "button", class: "pager", id: "page-next",
      onclick: () => { state.page += 1; renderRows(); } }, "Next →");
    view.replaceChildren(
      el("h2", { text: "Archive" }),
      chart(totals, "Findings per category, all files"),
      filters,
      el("div", { class: "pager-bar" }, shownCount, prevButton, pagerText, nextButton),
      el("table", { id: "index" }, el("thead", {}, head), tableBody),
    );
    renderRows(used);
  }

  function renderRows() {
    const used = categories.map((c, i) => i).filter((i) => index.files.some((f) => f.counts[i] > 0));
    const chosen = sorted(index.files.filter(matches));
    const pages = Math.max(1, Math.ceil(chosen.length / PAGE_SIZE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    const visible = chosen.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
    tableBody.replaceChildren(...visible.map((f) => el("tr", { "data-n": f.n },
      el("td", {}, el("a", { href: "#/a/" + f.n }, f.path),
        f.error ? el("div", { class: "error", text: "error: " + f.error }) : null),
      el("td", { class: "num" + (f.score !== null && f.score < 50 ? " score-bad" : "") },
        f.error ? "error" : scoreText(f.score)),
      el("td", { class: "num" }, String(f.words)),
      el("td", { class: "num" }, String(f.total)),
      ...used.map((i) => el("td", { class: "num" }, f.counts[i] ? String(f.counts[i]) : "")),
    )));
    shownCount.textContent = chosen.length + " of " + index.files.length + " files";
    pagerText.textContent = "page " + (state.page + 1) + " of " + pages;
    prevButton.disabled = state.page === 0;
    nextButton.disabled = state.page >= pages - 1;
  }

  // ---- one article -----------------------------------------------------------

  function renderArticle(number, focusFinding) {
    clearTimeout(urlTimer);
    const data = article(number);
    const entry = index.files[number];
    if (!data) {
      view.replaceChildren(el("p", { class: "error", text: entry ? entry.path + ": " + entry.error : "No such article." }));
      return;
    }
    document.getElementById("title").textContent = data.path;
    document.getElementById("meta").textContent =
      "quality " + scoreText(data.score) + "/100 · " + data.words + " words · " +
      data.findings.length + " findings" + (data.source ? " · original: " + data.source : "") +
      (data.syntax !== "txt" ? " · shown as its prose (" + data.syntax + ")" : "");
    const crumbs = document.getElementById("crumbs");
    crumbs.replaceChildren();
    if (index.files.length > 1) crumbs.append(el("a", { href: "#/", id: "back" }, "← all articles"));
    const counts = categories.map((c) => data.findings.filter((f) => f.category === c.category).length);
    const prose = el("section", { class: "prose", id: "prose", "aria-label": "Article text" });
    const marks = markUp(prose, data);
    const list = el("ol", { class: "findings", id: "finding-list", "aria-label": "Findings in text order" });
    const listButtons = data.findings.map((f, i) => {
      const button = el("button", {
        type: "button", "data-f": i, id: "l-" + i,
        onclick: () => choose(i, true), onfocus: () => choose(i, false),
      }, badge(f.category), el("span", { class: "loc" }, f.line + ":" + f.column + " "), f.rule + " " + f.message);
      list.append(el("li", {}, button));
      return button;
    });
    const detail = el("div", { class: "detail", id: "detail", role: "region", "aria-live": "polite", "aria-label": "Selected finding" },
      el("p", { text: data.findings.length ? "Choose a finding (Tab, or j and k) to see its rule, change and evidence." : "No findings in this article." }));
    view.replaceChildren(el("div", { class: "article" },
      prose,
      el("aside", { class: "side", "aria-label": "Findings" },
        el("p", { class: "key", text: "Keys: Tab or j/k next and previous finding, Enter on a list item to jump to it, Esc back to the index." }),
        detail,
        chart(counts, "Findings per category"),
        el("h2", { text: "Findings" }), list)));
    current = { data, number, marks, listButtons, selected: -1 };
    if (focusFinding !== undefined && focusFinding !== null && data.findings[focusFinding]) {
      choose(focusFinding, true);
    }
  }

  // The text, cut at every finding's start and end; each piece is marked with the
  // innermost finding over it, and a focusable badge opens each finding.
  function markUp(container, data) {
    const text = data.text, findings = data.findings;
    const cuts = new Set([0, text.length]);
    findings.forEach((f) => { cuts.add(f.start); cuts.add(f.end); });
    const points = Array.from(cuts).sort((a, b) => a - b);
    const startsAt = new Map();
    findings.forEach((f, i) => {
      if (!startsAt.has(f.start)) startsAt.set(f.start, []);
      startsAt.get(f.start).push(i);
    });
    const marks = findings.map(() => ({ badge: null, pieces: [] }));
    const open = new Set();
    for (let k = 0; k < points.length; k++) {
      const at = points[k];
      for (const i of open) if (findings[i].end <= at) open.delete(i);
      for (const i of startsAt.get(at) || []) {
        const f = findings[i];
        const button = badge(f.category, {
          tag: "button", type: "button", id: "f-" + i, "data-f": i,
          "aria-label": "Finding " + (i + 1) + " of " + findings.length + ", " + f.category + ", " + f.rule + ": " + f.message,
          onclick: () => choose(i, false), onfocus: () => choose(i, false),
        });
        container.append(button);
        marks[i].badge = button;
        if (f.end > f.start) open.add(i);
      }
      if (k === points.length - 1) break;
      const piece = text.slice(at, points[k + 1]);
      if (!open.size) { container.append(document.createTextNode(piece)); continue; }
      const covering = Array.from(open);
      const inner = covering.reduce((a, b) => (findings[b].end - findings[b].start < findings[a].end - findings[a].start ? b : a));
      const mark = el("mark", {
        class: "mk " + categoryOf(findings[inner].category).css + (covering.length > 1 ? " multi" : ""),
        "data-f": covering.join(" "), onclick: () => choose(inner, true),
      }, piece);
      container.append(mark);
      covering.forEach((i) => marks[i].pieces.push(mark));
    }
    return marks;
  }

  function choose(i, moveFocus) {
    if (!current || !current.data.findings[i]) return;
    const previous = current.selected;
    if (previous >= 0) {
      current.marks[previous].pieces.forEach((m) => m.classList.remove("current"));
      current.listButtons[previous].removeAttribute("aria-current");
    }
    current.selected = i;
    current.marks[i].pieces.forEach((m) => m.classList.add("current"));
    current.listButtons[i].setAttribute("aria-current", "true");
    showDetail(current.data.findings[i], i);
    const target = current.marks[i].badge;
    if (moveFocus && document.activeElement !== target) target.focus();
    // The URL names the finding, for a link to it; updated once the reader settles.
    clearTimeout(urlTimer);
    const hash = "#/a/" + current.number + "/f/" + i;
    urlTimer = setTimeout(() => { if (location.hash !== hash) history.replaceState(null, "", hash); }, 200);
  }

  function change(ops) {
    const out = el("span", { class: "change" });
    for (const [op, piece] of ops) {
      const blank = piece.trim() === "" ? "ws" : null;
      if (op === "delete") out.append(el("del", { class: blank }, piece));
      else if (op === "insert") out.append(el("ins", { class: blank }, piece));
      else out.append(piece);
    }
    return out;
  }

  function showDetail(f, i) {
    const rule = index.rules[f.rule] || {};
    const rows = [
      ["Rule", f.rule + " " + f.name],
      ["Category", el("span", {}, badge(f.category), " " + f.category)],
      ["Severity", f.severity],
      ["Where", "line " + f.line + ", column " + f.column],
      ["In the file", f.matched === "" ? "(a point in the text)" : "“" + f.matched + "”"],
    ];
    if (f.spanish) rows.push(["Spanish", el("span", { class: "spanish", lang: "es" }, f.spanish)]);
    if (f.change) rows.push(["Change", change(f.change)]);
    rows.push(["Safety", f.fix ? f.fix + " fix" + (f.fix === "safe" ? " (applied by mtcheck fix)" : f.fix === "unsafe" ? " (with --unsafe-fixes)" : " (never applied automatically)") : f.suggestions.length ? "suggestion only" : "no fix: a note for the editor"]);
    if (f.suggestions.length > 1) rows.push(["Alternatives", f.suggestions.slice(1).map((s) => (s === "" ? "remove" : "“" + s + "”")).join(", ")]);
    if (rule.description) rows.push(["Evidence", rule.description]);
    if (rule.example) rows.push(["Example", change(rule.example)]);
    if (rule.field) rows.push(["In the field", rule.field]);
    if (rule.defined) rows.push(["Defined in", rule.defined]);
    const list = el("dl", {});
    for (const [term, value] of rows) list.append(el("dt", {}, term), el("dd", {}, value));
    document.getElementById("detail").replaceChildren(
      el("h3", {}, badge(f.category), " Finding " + (i + 1) + " of " + current.data.findings.length),
      el("p", { class: "message" }, f.message),
      list,
    );
  }

  // ---- routing and keys ------------------------------------------------------

  function route() {
    const match = /^#\/a\/(\d+)(?:\/f\/(\d+))?$/.exec(location.hash);
    if (match) {
      const number = Number(match[1]);
      if (!current || current.number !== number) renderArticle(number, match[2] !== undefined ? Number(match[2]) : null);
      else if (match[2] !== undefined && current.selected !== Number(match[2])) choose(Number(match[2]), true);
    } else if (index.files.length === 1) {
      renderArticle(0, null);
    } else if (current || !tableBody || !document.getElementById("index")) {
      renderIndex();
    }
  }

  document.addEventListener("keydown", (event) => {
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    const count = current.data.findings.length;
    if ((event.key === "j" || event.key === "k") && count) {
      const step = event.key === "j" ? 1 : -1;
      const from = current.selected < 0 ? (step > 0 ? -1 : count) : current.selected;
      choose((from + step + count) % count, true);
      event.preventDefault();
    } else if (event.key === "Enter" && event.target.closest && event.target.closest("#finding-list")) {
      choose(Number(event.target.closest("button").dataset.f), true);
      event.preventDefault();
    } else if (event.key === "Escape" && index.files.length > 1) {
      location.hash = "#/";
    }
  });
  window.addEventListener("hashchange", route);
  // For scripts (and the browser tests): open an article without touching the URL.
  window.mtcheckReport = Object.freeze({ open: (number) => renderArticle(number, null) });
  route();
  document.documentElement.dataset.ready = "true";
})();
