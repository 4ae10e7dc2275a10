/*
 * The task pane page's first script, written in ES5 so that every webview Office uses can run it: without WebView2,
 * Office falls back to Internet Explorer 11 or Microsoft Edge Legacy, where the add-in's bundles (ES2020) do not even
 * parse and the pane would stay blank. This shows what to use instead when
 *   - the webview lacks the built-ins that came with ES2020-era engines (checked before any bundle loads), or
 *   - one of this page's own scripts fails to parse (a SyntaxError reported from this origin).
 * No eval or Function(): the page's Content-Security-Policy forbids them, so syntax support cannot be probed directly.
 */
/* global document, window, location */
(function () {
  "use strict";
  var MESSAGE_ID = "kc-webview-message";
  var TITLE = "KC for Excel cannot run in this version of Excel.";
  var TEXT =
    "It needs a current web view: Excel for Microsoft 365 on Windows with the Microsoft Edge WebView2 runtime, " +
    "Excel on the web, or Excel on a Mac with macOS 10.15.4 or later. This Excel shows add-ins in an older web view " +
    "(Internet Explorer 11 or Microsoft Edge Legacy), which cannot run it. Install the WebView2 runtime " +
    "(https://go.microsoft.com/fwlink/p/?LinkId=2124703) or ask your administrator to, or open the workbook in Excel on the web.";

  function modern() {
    try {
      return (
        typeof globalThis === "object" &&
        typeof Promise === "function" &&
        typeof Promise.allSettled === "function" &&
        typeof String.prototype.matchAll === "function" &&
        typeof Object.fromEntries === "function" &&
        typeof Symbol === "function" &&
        typeof Symbol.asyncIterator === "symbol"
      );
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (e) {
      return false;
    }
  }

  function show() {
    if (document.getElementById(MESSAGE_ID)) return;
    var box = document.createElement("div");
    box.id = MESSAGE_ID;
    box.setAttribute("role", "alert");
    var title = document.createElement("p");
    var strong = document.createElement("strong");
    strong.appendChild(document.createTextNode(TITLE));
    title.appendChild(strong);
    var text = document.createElement("p");
    text.appendChild(document.createTextNode(TEXT));
    box.appendChild(title);
    box.appendChild(text);
    // Whatever the bundles managed to draw is of no use: the message replaces the page's content.
    var body = document.body;
    for (var i = 0; i < body.children.length; i++)
      body.children[i].setAttribute("hidden", "");
    body.insertBefore(box, body.firstChild);
  }

  function whenReady(fn) {
    if (document.readyState === "loading")
      document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  var ownOrigin = location.protocol + "//" + location.host + "/";
  window.addEventListener("error", function (event) {
    var fromHere =
      typeof event.filename === "string" &&
      event.filename.indexOf(ownOrigin) === 0;
    if (fromHere && /syntax/i.test(String(event.message))) whenReady(show);
  });

  if (!modern()) whenReady(show);
})();
