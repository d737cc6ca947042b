/// The page's mustache templates, compiled into the binary (an installed `jarya` carries no
/// resource folder). Every `{{value}}` is HTML-escaped by mustache; the only `{{{…}}}` is the
/// layout's body, which is the output of another of these templates.
enum Templates {
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="jarya-token" content="{{token}}">
        <title>{{l.title}}</title><link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
        <body>
        <header><a class="brand" href="/?lang={{lang}}">Jarya</a>
        <nav><a href="/?lang={{lang}}">{{l.home}}</a>{{#archive}} <a id="nav-archive" href="/search?lang={{lang}}">{{l.archive}}</a>{{/archive}}</nav>
        <nav class="langs" id="langs">{{#langs}}<a id="lang-{{code}}" href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{code}}</a> {{/langs}}</nav>
        </header>
        <main>
        {{#notice}}<p class="notice" id="notice">{{notice}}</p>{{/notice}}
        {{#problem}}<p class="problem" id="problem">{{problem}}</p>{{/problem}}
        {{{body}}}
        </main>
        </body></html>
        """

    static let index = """
        <h1>{{l.title}}</h1>
        <form id="process-form" method="post" action="/process?lang={{lang}}" enctype="multipart/form-data">
        <textarea id="paste" name="text" rows="14" placeholder="{{l.paste}}"></textarea>
        <label class="drop" id="drop">{{l.files}}<br><input id="files" type="file" name="file" multiple accept=".txt,.md,.html,.htm,.docx"></label>
        <p><button id="process" type="submit">{{l.process}}</button></p>
        </form>
        {{> changes}}
        """

    static let list = """
        <h1>{{l.documents}}</h1>
        <table id="documents"><thead><tr><th>{{l.name}}</th><th>{{l.status}}</th><th>{{l.event}}</th></tr></thead><tbody>
        {{#documents}}<tr><td><a href="/b/{{key}}/{{n}}?lang={{lang}}">{{name}}</a></td><td>{{#code}}<span class="problem">{{code}}</span>{{/code}}{{^code}}{{title}}{{/code}}</td><td>{{dates}}</td></tr>
        {{/documents}}</tbody></table>
        <p><a id="download-csv" href="/csv/{{key}}">{{l.csv}}</a></p>
        """

    static let record = """
        {{#multi}}<p><a href="/b/{{key}}?lang={{lang}}">← {{l.documents}}</a></p>{{/multi}}
        {{#doc}}
        <h1 id="doc-path">{{path}}</h1>
        {{#error}}<p class="problem" id="doc-error"><strong>{{code}}</strong> {{message}}</p>{{/error}}
        {{^error}}
        <div class="columns"><div class="main">
        <h2>{{l.legend}}</h2>
        <ul id="legend" class="legend">{{#legend}}<li><mark class="e e-{{type}}">{{label}}</mark></li>{{/legend}}</ul>
        <div id="doc-text" class="doc">{{#segments}}{{#mark}}<mark class="e e-{{type}}" data-type="{{entityType}}" data-n="{{n}}" title="{{hover}}">{{text}}</mark>{{/mark}}{{^mark}}{{text}}{{/mark}}{{/segments}}</div>
        </div><aside>
        <section id="event-card" class="card"><h2>{{l.event}}</h2>
        {{#event}}<dl>{{#rows}}<dt>{{label}}</dt><dd data-field="{{field}}">{{value}}</dd>{{/rows}}</dl>{{/event}}
        {{^event}}<p>{{l.noEvent}}</p>{{/event}}
        <dl><dt>{{l.published}}</dt><dd data-field="published">{{published}}</dd><dt>{{l.language}}</dt><dd data-field="language">{{language}}</dd>
        {{#related}}<dt>{{l.translation}}</dt><dd data-field="related">{{#href}}<a href="{{href}}">{{id}}</a>{{/href}}{{^href}}{{id}}{{/href}}</dd>{{/related}}</dl>
        {{#hasWarnings}}<h3>{{l.warnings}}</h3>{{/hasWarnings}}<ul id="warnings">{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>
        </section>
        <section class="card"><h2>{{l.downloads}}</h2><ul>
        <li><a id="download-json" href="/json/{{key}}/{{index}}">{{l.json}}</a></li>
        {{#hasEvent}}<li><a id="download-ics" href="/ics/{{key}}/{{index}}">{{l.ics}}</a></li>{{/hasEvent}}
        <li><a id="download-csv" href="/csv/{{key}}">{{l.csv}}</a></li></ul>
        {{#archive}}<form method="post" action="/b/{{key}}/{{index}}/archive?lang={{lang}}"><input type="hidden" name="token" value="{{token}}"><button id="add-archive">{{l.addArchive}}</button></form>{{/archive}}
        </section>
        <section class="card" id="teach"><h2>{{l.teach}}</h2><p>{{l.teachHelp}}</p>
        <form id="teach-form" method="post" action="/b/{{key}}/{{index}}/teach?lang={{lang}}">
        <input type="hidden" name="token" value="{{token}}"><input type="hidden" name="textLanguage" value="{{textLanguage}}">
        <label>{{l.selected}}<input id="teach-text" name="text" required></label>
        <fieldset><label><input type="radio" name="kind" value="place" checked> {{l.place}}</label>
        <label><input id="teach-kind-organization" type="radio" name="kind" value="organization"> {{l.organization}}</label>
        <label><input id="teach-kind-person" type="radio" name="kind" value="person"> {{l.person}}</label></fieldset>
        <label>{{l.canonical}}<input id="teach-name" name="name"></label>
        <label>{{l.acronym}}<input id="teach-acronym" name="acronym"></label>
        <label>{{l.role}}<input id="teach-role" name="role"></label>
        <label>{{l.placeKind}}<select name="placeKind"><option>city</option><option>village</option><option>district</option><option>region</option><option>country</option><option>other</option></select></label>
        <label>{{l.country}}<input name="country" value="KG" size="3"></label>
        <label>{{l.orgKind}}<select name="orgKind">{{#orgKinds}}<option>{{.}}</option>{{/orgKinds}}</select></label>
        <label>{{l.sex}}<select name="sex"><option>m</option><option>f</option></select></label>
        <button id="teach-add" type="submit">{{l.add}}</button>
        </form></section>
        {{> changes}}
        </aside></div>
        <h2>{{l.entities}}</h2>
        <table id="entities">{{#entities}}<tr><td><mark class="e e-{{type}}">{{entityType}}</mark></td><td>{{text}}</td><td>{{hover}}</td>
        <td><form method="post" action="/b/{{key}}/{{index}}/remove/{{n}}?lang={{lang}}"><input type="hidden" name="token" value="{{token}}"><button class="remove">{{l.remove}}</button></form></td></tr>
        {{/entities}}</table>
        {{/error}}
        {{/doc}}
        """

    static let changes = """
        {{#hasChanges}}<section class="card" id="changes"><h2>{{l.changes}}</h2><ul>{{/hasChanges}}
        {{#changes}}<li>{{summary}} <form class="inline" method="post" action="/undo/{{number}}?lang={{lang}}"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="back" value="{{back}}"><button class="undo">{{l.undo}}</button></form></li>
        {{/changes}}{{#hasChanges}}</ul></section>{{/hasChanges}}
        """

    static let search = """
        <h1>{{l.archive}}</h1>
        <form id="search-form" method="get" action="/search">
        <input type="hidden" name="lang" value="{{lang}}">
        <label>{{l.query}}<input name="q" value="{{q}}"></label>
        <label>{{l.place}}<input name="place" value="{{place}}"></label>
        <label>{{l.organization}}<input name="org" value="{{org}}"></label>
        <label>{{l.person}}<input name="person" value="{{person}}"></label>
        <label>{{l.from}}<input name="from" value="{{from}}" placeholder="2025-01-01"></label>
        <label>{{l.to}}<input name="to" value="{{to}}" placeholder="2025-12-31"></label>
        <label>{{l.language}}<select name="doclang"><option value=""></option>{{#doclangs}}<option{{#selected}} selected{{/selected}}>{{code}}</option>{{/doclangs}}</select></label>
        <button id="search" type="submit">{{l.search}}</button>
        </form>
        {{#searched}}<h2>{{l.results}}</h2>
        {{^results}}<p id="no-results">{{l.none}}</p>{{/results}}
        {{#hasResults}}<table id="results"><thead><tr><th>{{l.dates}}</th><th>{{l.places}}</th><th>{{l.eventTitle}}</th><th>{{l.language}}</th></tr></thead><tbody>{{/hasResults}}
        {{#results}}<tr><td>{{dates}}</td><td>{{places}}</td><td><a href="/archive/{{id}}?lang={{lang}}">{{title}}</a></td><td>{{language}}</td></tr>
        {{/results}}{{#hasResults}}</tbody></table>{{/hasResults}}{{/searched}}
        """
}
