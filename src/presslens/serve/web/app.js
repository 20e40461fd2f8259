// The page's script (a file, so the Content-Security-Policy needs no inline scripts).
"use strict";
const SECTIONS = [
  ["Quotes and attributed claims", "quotes", ["speaker", "cue", "kind", "text"]],
  ["Actors", "actors", ["name", "kind", "country", "sector", "names"]],
  ["Events (PLOVER)", "events", ["type", "mode", "sources", "targets", "trigger", "location", "time", "hypothetical", "negated", "reported_by"]],
  ["Figures", "figures", ["text", "value", "low", "high", "counts", "year", "place", "source"]],
  ["Places", "places", ["text", "name", "country", "feature", "lat", "lon"]],
  ["Times", "times", ["text", "type", "value", "range_start", "range_end"]],
  ["Language flags", "flags", ["text", "technique", "voice", "reason"]],
];
const el = (tag, props = {}, ...kids) => {
  const node = Object.assign(document.createElement(tag), props);
  kids.forEach(k => node.append(k));
  return node;
};
async function api(path, options) {
  const response = await fetch(path, options);
  const data = await response.json();
  if (!response.ok) throw new Error(data.detail || response.statusText);
  return data;
}
function fmt(value) {
  if (Array.isArray(value)) return value.join(", ");
  if (value === null || value === undefined || value === false) return "";
  return String(value);
}
function highlighted(text, analysis) {
  // Mark quote contents and flagged wording in the article text (non-overlapping runs).
  const marks = new Array(text.length).fill("");
  for (const q of analysis.quotes) for (let i = q.start; i < q.end; i++) marks[i] += " quote";
  for (const f of analysis.flags) for (let i = f.start; i < f.end; i++) marks[i] += " flag";
  const box = el("div", {className: "text", id: "text"});
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && marks[j] === marks[i]) j++;
    const chunk = text.slice(i, j);
    box.append(marks[i] ? el("mark", {className: marks[i].trim(), textContent: chunk}) : chunk);
    i = j;
  }
  return box;
}
function select(start, end) {
  const box = document.getElementById("text");
  const range = document.createRange();
  let offset = 0, startSet = false;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.textContent.length;
    if (!startSet && start <= offset + len) { range.setStart(node, start - offset); startSet = true; }
    if (startSet && end <= offset + len) { range.setEnd(node, end - offset); break; }
    offset += len;
  }
  const selection = window.getSelection();
  selection.removeAllRanges(); selection.addRange(range);
  box.scrollIntoView({block: "nearest"});
}
function table(records, columns) {
  const head = el("tr", {}, ...columns.map(c => el("th", {textContent: c})), el("th", {textContent: "chars"}));
  const rows = records.map(r => el("tr", {},
    ...columns.map(c => el("td", {textContent: fmt(r[c])})),
    el("td", {className: "span", textContent: `${r.start}–${r.end}`, title: "show in text",
              onclick: () => select(r.start, r.end)})));
  return el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows));
}
function render(analysis) {
  const a = analysis.article, view = document.getElementById("view");
  const untitled = a.text ? a.text.slice(0, 90).split("\n")[0] + "…" : "(untitled)";
  view.replaceChildren(el("h2", {textContent: a.title || untitled}),
    el("p", {textContent: `${a.date || "no date"} · ${a.outlet || "no outlet"} · id ${a.id} · ${a.status}` +
                          (a.error ? ` · ${a.error}` : "")}));
  if (a.status !== "ok") return;
  view.append(el("p", {className: "legend"}, el("mark", {className: "quote", textContent: "quoted or attributed"}), " ",
                     el("mark", {className: "flag", textContent: "flagged wording"})),
              highlighted(a.text, analysis));
  for (const [title, key, columns] of SECTIONS) {
    const records = analysis[key] || [];
    if (records.length) view.append(el("h2", {textContent: `${title} (${records.length})`}), table(records, columns));
  }
}
async function open(id, link) {
  document.querySelectorAll("nav a").forEach(a => a.classList.remove("active"));
  if (link) link.classList.add("active");
  try { render(await api(`/api/articles/${encodeURIComponent(id)}`)); }
  catch (e) { document.getElementById("view").textContent = e.message; }
}
function listArticles(items) {
  const nav = document.getElementById("list");
  nav.replaceChildren(...items.map(item => {
    const link = el("a", {href: "#" + item.id}, item.title || item.snippet || item.source || item.id,
                    el("small", {textContent: `${item.date || ""} ${item.outlet || ""}`,
                                 className: item.status === "error" ? "error" : ""}));
    link.onclick = () => open(item.id, link);
    return link;
  }));
}
document.getElementById("q").addEventListener("keydown", async event => {
  if (event.key !== "Enter") return;
  const q = event.target.value.trim();
  try { listArticles((q ? await api(`/api/search?q=${encodeURIComponent(q)}`) : await api("/api/articles")).items); }
  catch (e) { document.getElementById("view").textContent = e.message; }
});
document.getElementById("new").onclick = () => {
  const text = el("textarea", {placeholder: "Paste an article…"});
  const date = el("input", {type: "date"});
  const go = el("button", {textContent: "Analyze"});
  go.onclick = async () => {
    try { render(await api("/api/analyze", {method: "POST", headers: {"Content-Type": "application/json"},
                                            body: JSON.stringify({text: text.value, date: date.value || null})})); }
    catch (e) { alert(e.message); }
  };
  document.getElementById("view").replaceChildren(el("h2", {textContent: "Analyze a text"}), text,
                                                  el("p", {}, "Article date: ", date, " ", go));
};
api("/api/articles").then(page => listArticles(page.items));
if (location.hash.length > 1) open(location.hash.slice(1));
