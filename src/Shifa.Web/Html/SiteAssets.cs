// The app's only stylesheet and script, served from memory so the library needs no static-file
// folder and the Content-Security-Policy can forbid inline script.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Shifa.Web.Html;

/// <summary>Maps <c>/assets/site.css</c> and <c>/assets/site.js</c>.</summary>
public static class SiteAssets
{
    private const string Css = """
        :root { --ink:#1d2430; --muted:#5b6473; --line:#d9dee7; --accent:#0b6e4f; --warn:#b3261e; --bg:#f7f8fa; }
        * { box-sizing: border-box; }
        body { margin:0; font-family: "Noto Naskh Arabic","Noto Sans Arabic","Amiri","DejaVu Sans",Tahoma,sans-serif; font-size:19px; line-height:1.9; color:var(--ink); background:var(--bg); }
        header { display:flex; gap:1.2rem; align-items:center; padding:.6rem 1.4rem; background:#fff; border-bottom:1px solid var(--line); }
        header nav { display:flex; gap:1rem; align-items:center; flex-wrap:wrap; }
        .brand { font-weight:700; font-size:1.4rem; color:var(--accent); text-decoration:none; }
        .who { color:var(--muted); }
        main { max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
        .card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:1rem 1.3rem; margin-bottom:1rem; }
        .label { color:var(--muted); font-size:.9rem; }
        .text { white-space:pre-wrap; unicode-bidi:plaintext; }
        form.inline { display:inline; }
        button, .button { font:inherit; padding:.35rem 1rem; border-radius:8px; border:1px solid var(--line); background:#fff; cursor:pointer; }
        button.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
        button.danger { background:var(--warn); color:#fff; border-color:var(--warn); }
        input[type=checkbox] { width:auto; }
        textarea, input:not([type=checkbox]), select { font:inherit; width:100%; padding:.4rem; border:1px solid var(--line); border-radius:8px; }
        .row { display:flex; gap:.6rem; flex-wrap:wrap; align-items:center; margin:.5rem 0; }
        .row > * { width:auto; }
        kbd { border:1px solid var(--line); border-bottom-width:2px; border-radius:4px; padding:0 .3rem; font-size:.8rem; direction:ltr; }
        table { border-collapse:collapse; width:100%; background:#fff; }
        th, td { border:1px solid var(--line); padding:.3rem .6rem; text-align:right; }
        .urgent { background:#fdecea; border:2px solid var(--warn); color:#5f1410; border-radius:10px; padding:1rem; white-space:pre-wrap; }
        .msg { margin:.5rem 0; padding:.6rem 1rem; border-radius:10px; white-space:pre-wrap; unicode-bidi:plaintext; }
        .msg.user { background:#e7f2ee; }
        .msg.bot { background:#fff; border:1px solid var(--line); }
        .msg.bot.urgent { background:#fdecea; border:2px solid var(--warn); color:#5f1410; }
        .error { color:var(--warn); }
        .kappa { font-size:1.3rem; font-weight:700; }
        .half { flex:1; }
        """;

    private const string Js = """
        (function () {
          'use strict';
          // Review page: a = accept, r = reject, e = edit, d = flag danger.
          var review = document.getElementById('review-form');
          if (review) {
            document.addEventListener('keydown', function (ev) {
              var t = ev.target;
              if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT')) { return; }
              if (ev.key === 'a') { document.getElementById('btn-accept').click(); }
              else if (ev.key === 'r') { document.getElementById('reason').focus(); }
              else if (ev.key === 'e') { document.getElementById('edited').focus(); }
              else if (ev.key === 'd') { var c = document.getElementById('danger'); c.checked = !c.checked; }
            });
          }
          // Chat page: POST the question, read the server-sent events and append text as it arrives.
          var chat = document.getElementById('chat-form');
          if (chat) {
            chat.addEventListener('submit', async function (ev) {
              ev.preventDefault();
              var input = document.getElementById('question');
              var q = input.value.trim();
              if (!q) { return; }
              var log = document.getElementById('chat-log');
              var mine = document.createElement('div'); mine.className = 'msg user'; mine.textContent = q; log.appendChild(mine);
              var bot = document.createElement('div'); bot.className = 'msg bot'; bot.setAttribute('data-state', 'streaming'); log.appendChild(bot);
              input.value = '';
              var res = await fetch('/chat/stream', { method: 'POST', headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': chat.getAttribute('data-token') }, body: JSON.stringify({ message: q }) });
              if (!res.ok) { bot.textContent = 'تعذر الحصول على إجابة (' + res.status + ')'; bot.className = 'msg bot error'; return; }
              var reader = res.body.getReader(); var dec = new TextDecoder(); var buf = '';
              while (true) {
                var r = await reader.read(); if (r.done) { break; }
                buf += dec.decode(r.value, { stream: true });
                var parts = buf.split('\n\n'); buf = parts.pop();
                parts.forEach(function (p) {
                  if (p.indexOf('data: ') !== 0) { return; }
                  var data = p.slice(6);
                  if (data === '[DONE]') { bot.setAttribute('data-state', 'done'); return; }
                  var obj = JSON.parse(data);
                  if (obj.urgent) { bot.className = 'msg bot urgent'; bot.setAttribute('data-urgent', 'true'); }
                  if (obj.content) { bot.textContent += obj.content; }
                });
              }
              bot.setAttribute('data-state', 'done');
            });
          }
        })();
        """;

    /// <summary>Maps the asset endpoints (public).</summary>
    public static IEndpointRouteBuilder MapSiteAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/assets/site.css", () => Results.Text(Css, "text/css; charset=utf-8")).AllowAnonymous();
        routes.MapGet("/assets/site.js", () => Results.Text(Js, "text/javascript; charset=utf-8")).AllowAnonymous();
        return routes;
    }
}
