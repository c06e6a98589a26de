// Opens documents on demand, links rows and their evidence, and applies the filters.
// Every fragment put into the page was escaped when the page was written.
(function () {
  "use strict";
  var FILTERS = ["action", "topic", "county", "official"];

  function activeFilters() {
    var active = {};
    document.querySelectorAll("#filters select[data-filter]").forEach(function (sel) {
      if (sel.value) { active[sel.dataset.filter] = sel.value; }
    });
    return active;
  }

  function matches(valuesOf, active) {
    return Object.keys(active).every(function (name) {
      return valuesOf(name).indexOf(active[name]) >= 0;
    });
  }

  function openSection(section) {
    var body = section.querySelector(".doc-body");
    if (!body.dataset.ready) {
      var payload = JSON.parse(section.querySelector("script.payload").textContent);
      var text = document.createElement("div");
      text.className = "doc-text";
      text.innerHTML = payload.text;
      var rows = document.createElement("div");
      rows.className = "doc-rows";
      rows.innerHTML = payload.rows;
      body.appendChild(text);
      body.appendChild(rows);
      body.dataset.ready = "1";
      filterSection(section, activeFilters());
    }
    body.hidden = false;
    section.querySelector("button.toggle").setAttribute("aria-expanded", "true");
  }

  function closeSection(section) {
    section.querySelector(".doc-body").hidden = true;
    section.querySelector("button.toggle").setAttribute("aria-expanded", "false");
  }

  function filterSection(section, active) {
    var shown = 0;
    section.querySelectorAll("tbody tr[data-row]").forEach(function (tr) {
      var ok = matches(function (name) { return JSON.parse(tr.getAttribute("data-" + name)); }, active);
      tr.classList.toggle("hidden", !ok);
      section.querySelectorAll('mark[data-row="' + CSS.escape(tr.dataset.row) + '"]')
        .forEach(function (m) { m.classList.toggle("dim", !ok); });
      if (ok) { shown += 1; }
    });
    return shown;
  }

  function applyFilters() {
    var active = activeFilters();
    var any = Object.keys(active).length > 0;
    var docs = 0;
    document.querySelectorAll("section.doc").forEach(function (section) {
      var values = JSON.parse(section.dataset.filters);
      var ok = !any || matches(function (name) { return values[name]; }, active);
      section.classList.toggle("filtered-out", !ok);
      if (ok) { docs += 1; }
      if (section.querySelector(".doc-body").dataset.ready) { filterSection(section, active); }
    });
    document.getElementById("match-count").textContent =
      any ? docs + " documents with matching rows" : "";
  }

  function setActive(section, selector) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var el = section.querySelector(selector);
    if (el) {
      el.classList.add("active");
      el.scrollIntoView({ block: "center", inline: "nearest" });
    }
    return el;
  }

  function onRowClick(tr) {
    var section = tr.closest("section.doc");
    var id = CSS.escape(tr.dataset.row);
    section.dataset.lastRow = tr.dataset.row;
    setActive(section, 'mark[data-row="' + id + '"]:not(.cont)');
    tr.classList.add("active");
  }

  function onMarkClick(mark) {
    var section = mark.closest("section.doc");
    var ids = [];
    for (var m = mark; m && m.tagName === "MARK"; m = m.parentElement.closest("mark")) {
      ids.push(m.dataset.row);
    }
    // back to the row that brought us here when it is one of the rows of this span
    var id = ids.indexOf(section.dataset.lastRow) >= 0 ? section.dataset.lastRow : ids[0];
    var tr = setActive(section, 'tbody tr[data-row="' + CSS.escape(id) + '"]');
    mark.classList.add("active");
    return tr;
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var toggle = target.closest("button.toggle");
    if (toggle) {
      var section = toggle.closest("section.doc");
      if (toggle.getAttribute("aria-expanded") === "true") { closeSection(section); }
      else { openSection(section); }
      return;
    }
    var mark = target.closest(".doc-text mark");
    if (mark) { onMarkClick(mark); return; }
    var tr = target.closest(".doc-rows tbody tr[data-row]");
    if (tr) { onRowClick(tr); }
  });

  document.getElementById("filters").addEventListener("change", applyFilters);
  document.getElementById("open-all").addEventListener("click", function () {
    document.querySelectorAll("section.doc:not(.filtered-out)").forEach(openSection);
  });
  document.getElementById("close-all").addEventListener("click", function () {
    document.querySelectorAll("section.doc").forEach(closeSection);
  });

  // for scripts and tests: open a document by its doc_id
  window.bulletinView = {
    open: function (docId) {
      var section = document.querySelector('section.doc[data-doc="' + CSS.escape(docId) + '"]');
      if (section) { openSection(section); }
      return section;
    },
    filters: FILTERS
  };
})();
