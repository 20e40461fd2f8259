/* presslens dashboard: draws the charts of each view from the page's application/json block.
 * Text from the store is only ever set with textContent (d3 .text, Cytoscape canvas labels),
 * never parsed as HTML. Clicking a chart element goes to the articles behind it. */
(function () {
  "use strict";

  var TYPE_COLOURS = {
    AGREE: "#1b9e77", CONSULT: "#66c2a5", SUPPORT: "#a6d854", CONCEDE: "#b3de69",
    COOPERATE: "#1f78b4", AID: "#6baed6", RETREAT: "#9ecae1",
    REQUEST: "#fdb462", ACCUSE: "#fd8d3c", REJECT: "#e6ab02", THREATEN: "#d95f02",
    PROTEST: "#bc80bd", SANCTION: "#8c6bb1", MOBILIZE: "#e7298a", COERCE: "#b2182b", ASSAULT: "#67000d"
  };
  var NONE_COLOUR = "#9aa5b1";
  var OUTLET_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                        "#9c755f", "#bab0ac"];

  function typeColour(type) { return TYPE_COLOURS[type] || NONE_COLOUR; }

  function viewData() {
    var node = document.getElementById("view-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  /* A dashboard URL keeping the page's filters, with `changes` applied (null removes one). */
  function link(data, path, changes) {
    var params = new URLSearchParams();
    var merged = Object.assign({}, data.filters, changes || {});
    Object.keys(merged).forEach(function (key) {
      if (merged[key] !== null && merged[key] !== undefined && merged[key] !== "") params.set(key, merged[key]);
    });
    var query = params.toString();
    return data.prefix + path + (query ? "?" + query : "");
  }

  function go(url) { window.location.assign(url); }

  function colourSwatches() {
    document.querySelectorAll(".swatch").forEach(function (swatch) {
      var match = /(?:^|\s)t-([A-Z]+)/.exec(swatch.className);
      swatch.style.backgroundColor = typeColour(match ? match[1] : null);
    });
  }

  function legend(id, entries) {
    var box = document.getElementById(id);
    if (!box) return;
    entries.forEach(function (entry) {
      var item = document.createElement("span");
      var swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.backgroundColor = entry.colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(entry.label));
      box.appendChild(item);
    });
  }

  /* ---- timeline: stacked bars per bucket; click a bar, or brush the strip below ---- */
  function stackedBars(data, element, rows, key, colour, clickParams) {
    var buckets = data.buckets;
    var keys = Array.from(new Set(rows.map(function (r) { return r[key]; }))).sort();
    var table = buckets.map(function (b) {
      var row = { bucket: b.start };
      keys.forEach(function (k) { row[k] = 0; });
      rows.forEach(function (r) { if (r.bucket === b.start) row[r[key]] += r.count; });
      if (data.share) {
        var sum = keys.reduce(function (s, k) { return s + row[k]; }, 0) || 1;
        keys.forEach(function (k) { row[k] = row[k] / sum; });
      }
      return row;
    });
    var width = Math.max(element.clientWidth || 900, 480), height = 260;
    var margin = { top: 12, right: 16, bottom: 58, left: 48 };
    var svg = d3.select(element).append("svg").attr("viewBox", [0, 0, width, height])
      .attr("role", "img").attr("aria-label", element.dataset.series + " per " + data.every);
    var x = d3.scaleBand().domain(buckets.map(function (b) { return b.start; }))
      .range([margin.left, width - margin.right]).padding(0.15);
    var series = d3.stack().keys(keys)(table);
    var top = d3.max(series, function (s) { return d3.max(s, function (d) { return d[1]; }); }) || 1;
    var y = d3.scaleLinear().domain([0, top]).nice().range([height - margin.bottom, margin.top]);
    var every = Math.ceil(buckets.length / 14);
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")")
      .call(d3.axisBottom(x).tickValues(x.domain().filter(function (d, i) { return i % every === 0; })));
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)")
      .call(data.share ? d3.axisLeft(y).ticks(5, "%") : d3.axisLeft(y).ticks(Math.min(5, top), "d"));
    var byStart = {};
    buckets.forEach(function (b) { byStart[b.start] = b; });
    svg.append("g").selectAll("g").data(series).join("g")
      .attr("fill", function (s) { return colour(s.key); })
      .attr("data-key", function (s) { return s.key; })
      .selectAll("rect").data(function (s) { return s.map(function (d) { d.key = s.key; return d; }); }).join("rect")
      .filter(function (d) { return d[1] > d[0]; })
      .attr("class", "bar")
      .attr("data-bucket", function (d) { return d.data.bucket; })
      .attr("data-key", function (d) { return d.key; })
      .attr("x", function (d) { return x(d.data.bucket); })
      .attr("y", function (d) { return y(d[1]); })
      .attr("height", function (d) { return Math.max(1, y(d[0]) - y(d[1])); })
      .attr("width", x.bandwidth())
      .on("click", function (event, d) {
        var b = byStart[d.data.bucket];
        go(link(data, "/lists/articles", Object.assign({ since: b.start, until: b.end }, clickParams(d.key))));
      })
      .append("title").text(function (d) {
        var value = d[1] - d[0];
        return d.key + " · " + d.data.bucket + ": " + (data.share ? Math.round(100 * value) + "%" : value);
      });
    var strip = svg.append("g").attr("class", "brush")
      .attr("transform", "translate(0," + (height - margin.bottom + 26) + ")");
    strip.call(d3.brushX().extent([[margin.left, 0], [width - margin.right, 16]]).on("end", function (event) {
      if (!event.selection) return;
      var chosen = buckets.filter(function (b) {
        var middle = x(b.start) + x.bandwidth() / 2;
        return middle >= event.selection[0] && middle <= event.selection[1];
      });
      if (!chosen.length) return;
      go(link(data, "/timeline", { since: chosen[0].start, until: chosen[chosen.length - 1].end,
                                   every: data.every, share: data.share ? "true" : null }));
    }));
    strip.append("text").attr("class", "brush-label").attr("x", margin.left + 6).attr("y", 12)
      .text("drag across this strip to filter every view to a range");
    return keys;
  }

  function timeline(data) {
    var types = stackedBars(data, document.getElementById("events-chart"), data.events, "type", typeColour,
                            function (type) { return { type: type }; });
    legend("events-legend", types.map(function (t) { return { label: t, colour: typeColour(t) }; }));
    var outlets = Array.from(new Set(data.articles.map(function (r) { return r.outlet; }))).sort();
    var outletColour = function (o) { return OUTLET_COLOURS[outlets.indexOf(o) % OUTLET_COLOURS.length]; };
    stackedBars(data, document.getElementById("articles-chart"), data.articles, "outlet", outletColour,
                function (outlet) { return { outlet: outlet }; });
    legend("articles-legend", outlets.map(function (o) { return { label: o, colour: outletColour(o) }; }));
  }

  /* ---- map: Natural Earth countries, points sized by mentions, coloured by event type ---- */
  function map(data) {
    var element = document.getElementById("map");
    var width = Math.max(element.clientWidth || 960, 480), height = Math.round(width * 0.5);
    var svg = d3.select(element).append("svg").attr("viewBox", [0, 0, width, height])
      .attr("role", "img").attr("aria-label", "map of places");
    var projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], { type: "Sphere" });
    var path = d3.geoPath(projection);
    svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    var countries = svg.append("g");
    var radius = d3.scaleSqrt().domain([0, d3.max(data.points, function (p) { return p.mentions; }) || 1])
      .range([0, 22]);
    svg.append("g").selectAll("circle")
      .data(data.points.slice().sort(function (a, b) { return b.mentions - a.mentions; })).join("circle")
      .attr("class", "point")
      .attr("data-place", function (p) { return p.name; })
      .attr("transform", function (p) { return "translate(" + projection([p.lon, p.lat]) + ")"; })
      .attr("r", function (p) { return Math.max(3, radius(p.mentions)); })
      .attr("fill", function (p) { return typeColour(p.type); })
      .on("click", function (event, p) { go(link(data, "/lists/articles", { place: p.name })); })
      .append("title").text(function (p) {
        return p.name + (p.country ? " (" + p.country + ")" : "") + " · " + p.mentions + " mentions in " +
          p.articles + " articles" + (p.type ? " · mostly " + p.type : "");
      });
    fetch(data.static + "/vendor/countries-110m.json").then(function (r) { return r.json(); }).then(function (world) {
      countries.selectAll("path").data(topojson.feature(world, world.objects.countries).features).join("path")
        .attr("class", "country").attr("d", path)
        .append("title").text(function (f) { return f.properties.name; });
      element.dataset.ready = "true";
    });
    var used = Array.from(new Set(data.points.map(function (p) { return p.type; })));
    legend("map-legend", used.map(function (t) { return { label: t || "no event located", colour: typeColour(t) }; }));
  }

  /* ---- network: Cytoscape.js; clicking an actor filters by it ---- */
  function network(data) {
    var element = document.getElementById("network");
    var weight = {};
    data.edges.forEach(function (e) {
      weight[e.source] = (weight[e.source] || 0) + e.weight;
      weight[e.target] = (weight[e.target] || 0) + e.weight;
    });
    var names = Object.keys(weight).sort();
    var elements = names.map(function (name, i) {
      return { data: { id: "n" + i, label: name, weight: weight[name] } };
    });
    data.edges.forEach(function (e, i) {
      elements.push({ data: { id: "e" + i, source: "n" + names.indexOf(e.source), target: "n" + names.indexOf(e.target),
                              weight: e.weight, colour: typeColour(e.type), type: e.type } });
    });
    var top = d3.max(names, function (n) { return weight[n]; }) || 1;
    var cy = cytoscape({
      container: element, elements: elements, wheelSensitivity: 0.3,
      layout: { name: names.length > 60 ? "circle" : "cose", animate: false, randomize: false, padding: 30 },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, "text-valign": "bottom",
          "text-margin-y": 3, "background-color": "#41576f", color: "#1d232b",
          width: function (n) { return 12 + 26 * Math.sqrt(n.data("weight") / top); },
          height: function (n) { return 12 + 26 * Math.sqrt(n.data("weight") / top); } } },
        { selector: "edge", style: { width: function (e) { return 1 + 2 * Math.sqrt(e.data("weight")); },
          "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
          "curve-style": "bezier", opacity: 0.85 } },
        { selector: "node:active", style: { "overlay-opacity": 0.15 } }
      ]
    });
    cy.on("tap", "node", function (event) { go(link(data, "/lists/articles", { actor: event.target.data("label") })); });
    window.presslensNetwork = cy;
    element.dataset.ready = "true";
    var used = Array.from(new Set(data.edges.map(function (e) { return e.type; }))).sort();
    legend("network-legend", used.map(function (t) { return { label: t, colour: typeColour(t) }; }));
  }

  /* ---- article: clicking a highlight shows the records under it ---- */
  function article() {
    var text = document.getElementById("article-text");
    text.addEventListener("click", function (event) {
      var segment = event.target.closest(".seg");
      if (!segment) return;
      document.querySelectorAll(".seg.active, .span-item.active").forEach(function (n) { n.classList.remove("active"); });
      segment.classList.add("active");
      var first = null;
      segment.dataset.spans.split(" ").forEach(function (id) {
        var item = document.getElementById("span-" + id);
        if (item) { item.classList.add("active"); first = first || item; }
      });
      if (first) first.scrollIntoView({ block: "nearest" });
    });
    var mark = document.querySelector(".hl-mark");
    if (mark) mark.scrollIntoView({ block: "center" });
  }

  var views = { timeline: timeline, map: map, network: network, article: article };
  document.addEventListener("DOMContentLoaded", function () {
    colourSwatches();
    var view = document.body.dataset.view;
    if (views[view]) views[view](viewData());
  });
})();
