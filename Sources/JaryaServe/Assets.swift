/// The page's script and style, served from `/static/` (the Content-Security-Policy allows
/// scripts and styles from this origin only, none inline).
enum Assets {
    static let script = """
        "use strict";
        // Jarya's page: a selection in the text fills the "correct and teach" form; files dropped on
        // the drop zone go to the file input. Everything else works without script.
        document.addEventListener("DOMContentLoaded", function () {
          var text = document.getElementById("doc-text");
          var field = document.getElementById("teach-text");
          if (text && field) {
            var take = function () {
              var selection = window.getSelection();
              if (!selection || selection.rangeCount === 0) { return; }
              var chosen = selection.toString().trim();
              if (chosen && text.contains(selection.anchorNode)) { field.value = chosen; }
            };
            text.addEventListener("mouseup", take);
            text.addEventListener("keyup", take);
          }
          var drop = document.getElementById("drop");
          var files = document.getElementById("files");
          if (drop && files) {
            ["dragenter", "dragover"].forEach(function (name) {
              drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
            });
            drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
            drop.addEventListener("drop", function (event) {
              event.preventDefault();
              drop.classList.remove("over");
              if (event.dataTransfer && event.dataTransfer.files.length > 0) { files.files = event.dataTransfer.files; }
            });
          }
        });
        """

    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2329; background: #f6f7f9; }
        header { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.2em; background: #0f4c81; color: #fff; }
        header a { color: #fff; text-decoration: none; margin-right: .8em; }
        header .brand { font-weight: 700; font-size: 1.2em; }
        header .langs { margin-left: auto; text-transform: uppercase; }
        header .langs a[aria-current] { text-decoration: underline; }
        main { padding: 1em 1.5em; }
        textarea { width: 100%; box-sizing: border-box; font: inherit; }
        .drop { display: block; border: 2px dashed #8aa; padding: 1em; margin: .6em 0; background: #fff; }
        .drop.over { background: #e6f2ff; }
        .columns { display: flex; gap: 1.5em; align-items: flex-start; }
        .main { flex: 3; min-width: 0; }
        aside { flex: 2; min-width: 18em; }
        .doc { white-space: pre-wrap; background: #fff; padding: 1em; line-height: 1.7; border: 1px solid #d0d5db; }
        .card { background: #fff; border: 1px solid #d0d5db; padding: .6em 1em; margin-bottom: 1em; }
        .card label { display: block; margin: .3em 0; }
        .card input:not([type=radio]), .card select { display: block; width: 100%; box-sizing: border-box; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        .legend { list-style: none; padding: 0; display: flex; gap: .6em; flex-wrap: wrap; }
        mark.e { border-radius: 3px; padding: 0 2px; cursor: help; }
        .e-date { background: #ffe08a; }
        .e-place { background: #b6e3b6; }
        .e-organization { background: #b9d7ff; }
        .e-person { background: #f3c1e6; }
        .e-contact { background: #d9d2f7; }
        .notice { background: #e3f6e3; padding: .5em; }
        .problem { background: #fde2e1; padding: .3em .5em; color: #8a1c13; }
        table { border-collapse: collapse; background: #fff; }
        td, th { border: 1px solid #d0d5db; padding: .3em .6em; text-align: left; vertical-align: top; }
        form.inline, td form { display: inline; }
        """
}
