/// The style and scripts of stmt's pages, inline: a page must work from a file with no network.
enum PageAssets {
    /// Highlight colours, one per speaker: light fills for the text, strong ones for borders.
    static let palette: [(fill: String, line: String)] = [
        ("#ffd8a8", "#e8590c"), ("#b2f2bb", "#2b8a3e"), ("#a5d8ff", "#1971c2"), ("#fcc2d7", "#c2255c"),
        ("#d0bfff", "#6741d9"), ("#ffec99", "#e67700"), ("#99e9f2", "#0c8599"), ("#ffc9c9", "#c92a2a"),
        ("#c0eb75", "#5c940d"), ("#eebefa", "#9c36b5"), ("#96f2d7", "#087f5b"), ("#dee2e6", "#495057"),
    ]

    static var paletteStyle: String {
        palette.enumerated().map { i, c in
            ".c\(i){background:\(c.fill);box-shadow:inset 0 -2px 0 \(c.line)}.swatch.c\(i){border-color:\(c.line)}"
        }.joined()
    }

    static let style = """
    :root{--ink:#212529;--muted:#667085;--rule:#dee2e6;--bg:#fff;--focus:#1c7ed6}
    *{box-sizing:border-box}
    body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg);margin:0 auto;max-width:72rem;padding:1rem 1.5rem 4rem}
    h1{font-size:1.6rem;margin:.5rem 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--rule);padding-bottom:.25rem}
    h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
    .muted,.meta{color:var(--muted)}.meta{font-size:.9rem;margin:0 0 .5rem}
    nav a{margin-right:1rem}
    table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{border-bottom:1px solid var(--rule);padding:.3rem .5rem;text-align:left;vertical-align:top}
    th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
    th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
    td button{font:inherit;background:none;border:1px solid var(--rule);border-radius:4px;cursor:pointer;padding:0 .3rem}
    input[type=search]{font:inherit;padding:.3rem .5rem;width:min(28rem,100%);border:1px solid #adb5bd;border-radius:4px;margin:.25rem 0 .5rem}
    .count{margin-left:.75rem;color:var(--muted)}
    .text{white-space:pre-wrap;font-family:Georgia,"Noto Serif",serif;font-size:1.02rem;line-height:1.75;border:1px solid var(--rule);border-radius:6px;padding:1rem 1.25rem;background:#fcfcfd}
    mark{color:inherit;background:none;border-radius:2px;padding:0 .05em}
    mark.hl{cursor:pointer}
    mark.hl:focus{outline:2px solid var(--focus);outline-offset:1px}
    mark.active{outline:2px solid var(--ink)}
    mark.framing{border:1.5px dashed #5c7cfa;background:rgba(92,124,250,.07)}
    mark.narrative{background:none;border-bottom:2px dotted #868e96;font-style:italic}
    mark.residue{background:none;color:#868e96;text-decoration:line-through}
    .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.35rem 1.25rem}
    .legend li{white-space:nowrap}
    .swatch{display:inline-block;width:1.6em;height:1em;vertical-align:-.15em;border:2px solid transparent;border-radius:3px;margin-right:.3rem}
    .swatch.framing{border:1.5px dashed #5c7cfa}.swatch.narrative{border:0;border-bottom:2px dotted #868e96}
    .swatch.residue{border:0;height:.1em;background:#868e96;vertical-align:.3em}
    #popup{position:absolute;z-index:10;max-width:34rem;background:#fff;border:1px solid #adb5bd;border-radius:6px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:.6rem .8rem;font-size:.9rem}
    .card dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.4rem 0 0}
    .card dt{color:var(--muted)}.card dd{margin:0}
    .card .head{font-weight:600}
    .graph svg{max-width:100%;height:auto}
    .adjacency{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
    .note{border-left:3px solid #fab005;padding:.25rem .75rem;background:#fff9db}
    @media print{
      nav,#popup,input[type=search],.count,td button{display:none!important}
      body{max-width:none;padding:0}
      .text{border:0;padding:0;background:none}
      mark.st::after{content:"\\2009[" attr(data-label) "]";font-size:.7em;vertical-align:super;color:#495057}
      mark.cont::after{content:none}
      h2{break-after:avoid}tr{break-inside:avoid}
    }
    """ + paletteStyle

    /// Sorting and filtering of `table.sortable`, shared by the report and table pages.
    static let tableScript = """
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      table.querySelectorAll("th button").forEach(function (button, column) {
        button.addEventListener("click", function () {
          var th = button.parentNode;
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var key = function (r) { return r.cells[column].getAttribute("data-key") || r.cells[column].textContent; };
          rows.sort(function (a, b) {
            var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
            var c = (!isNaN(nx) && !isNaN(ny) && String(nx) === x.trim() && String(ny) === y.trim()) ? nx - ny : x.localeCompare(y);
            return ascending ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
      var filter = document.querySelector('input[data-filter="' + table.id + '"]');
      var count = document.querySelector('[data-count="' + table.id + '"]');
      var update = function () {
        var q = filter ? filter.value.toLowerCase() : "";
        var shown = 0;
        rows.forEach(function (r) {
          var hit = r.textContent.toLowerCase().indexOf(q) >= 0;
          r.hidden = !hit;
          if (hit) { shown += 1; }
        });
        if (count) { count.textContent = shown + " of " + rows.length; }
      };
      if (filter) { filter.addEventListener("input", update); }
      update();
    });
    """

    /// The report's cards: hovering, focusing or clicking a highlight shows its card.
    static let reportScript = tableScript + """
    (function () {
      var popup = document.getElementById("popup");
      var pinned = null, current = null;
      var pieces = function (mark) {
        return document.querySelectorAll('mark[data-a="' + mark.getAttribute("data-a") + '"]');
      };
      var show = function (mark) {
        var card = document.getElementById(mark.getAttribute("data-card"));
        if (!card) { return; }
        if (current) { pieces(current).forEach(function (m) { m.classList.remove("active"); }); }
        current = mark;
        pieces(mark).forEach(function (m) { m.classList.add("active"); });
        var copy = card.cloneNode(true);
        copy.removeAttribute("id");
        copy.hidden = false;
        popup.replaceChildren(copy);
        popup.hidden = false;
        var r = mark.getBoundingClientRect();
        var width = document.documentElement.clientWidth;
        popup.style.top = (window.scrollY + r.bottom + 6) + "px";
        popup.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + width - popup.offsetWidth - 8)) + "px";
      };
      var hide = function () {
        if (pinned) { return; }
        popup.hidden = true;
        if (current) { pieces(current).forEach(function (m) { m.classList.remove("active"); }); current = null; }
      };
      var markOf = function (e) { return e.target.closest ? e.target.closest("mark[data-card]") : null; };
      document.addEventListener("mouseover", function (e) { var m = markOf(e); if (m && !pinned) { show(m); } });
      document.addEventListener("mouseout", function (e) { var m = markOf(e); if (m && !pinned) { hide(); } });
      document.addEventListener("focusin", function (e) { var m = markOf(e); if (m) { pinned = null; show(m); } });
      document.addEventListener("focusout", function (e) { var m = markOf(e); if (m && !pinned) { hide(); } });
      document.addEventListener("click", function (e) {
        var m = markOf(e);
        if (m) { pinned = pinned === m ? null : m; show(m); return; }
        if (!e.target.closest("#popup")) { pinned = null; hide(); }
      });
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape") { pinned = null; hide(); }
        if ((e.key === "Enter" || e.key === " ") && markOf(e)) { e.preventDefault(); var m = markOf(e); pinned = pinned === m ? null : m; show(m); }
      });
      document.querySelectorAll("button[data-jump]").forEach(function (b) {
        b.addEventListener("click", function () {
          var m = document.querySelector('mark[data-card="' + b.getAttribute("data-jump") + '"]:not(.cont)');
          if (m) { m.scrollIntoView({block: "center"}); m.focus(); }
        });
      });
    })();
    """
}
