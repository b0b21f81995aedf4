/* Zorgnetwerk: small progressive enhancements (the pages work without them).
   Loaded from base.html as a file of our own: the CSP allows no inline script. */
(function () {
  "use strict";

  /* Stacked tables on a phone (table.table-stack, see docs/design.md): every cell without a
     data-label gets its column header's text, which CSS shows above the value below md. */
  function labelStackedTables() {
    document.querySelectorAll("table.table-stack").forEach(function (table) {
      var headers = Array.from(table.querySelectorAll("thead tr:last-child > th")).map(function (th) {
        var text = th.textContent.replace(/\s+/g, " ").trim();
        var hidden = th.querySelector(".visually-hidden");
        // A header for screen readers only ("Actions") needs no label above the buttons.
        return hidden && hidden.textContent.trim() === text ? "" : text;
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var column = 0;
        Array.from(row.children).forEach(function (cell) {
          if (!cell.hasAttribute("data-label") && cell.tagName === "TD") {
            var label = cell.colSpan > 1 ? "" : headers[column] || "";
            cell.setAttribute("data-label", label.charAt(0).toUpperCase() + label.slice(1));
          }
          // An empty cell adds nothing to a card: CSS hides it below md.
          if (cell.tagName === "TD" && !cell.textContent.trim() && !cell.querySelector("a, button, input, select, img, svg")) {
            cell.classList.add("zn-empty");
          }
          column += cell.colSpan || 1;
        });
      });
    });
  }

  /* The error summary (templates/_error_summary.html) takes the focus, so a screen reader reads it
     first and a keyboard user starts there. */
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  /* Filter panels (<details class="zn-filters" data-open-wide>) fold on a phone and stand open at a
     desk, where there is room for them. Without script they open with a tap. */
  function openFiltersOnWideScreens() {
    if (window.matchMedia("(min-width: 768px)").matches) {
      document.querySelectorAll("details.zn-filters[data-open-wide]").forEach(function (details) {
        details.open = true;
      });
    }
  }

  function ready() {
    labelStackedTables();
    openFiltersOnWideScreens();
    focusErrorSummary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
