/**
 * The page template (Docusaurus's `ssrTemplate`): the stock one (core/lib/ssg/ssgTemplate.html.js, 3.10) with one
 * change — the app's scripts run after the first paint instead of before it.
 *
 * With the stock `<script defer>` tags a fast connection delivers main.js while the HTML is still parsing, and the
 * browser evaluates it (hundreds of milliseconds on a slow phone) before it draws anything: the reader stares at a
 * blank page that is already there. Here the scripts are fetched just as early (`preload`, at the low priority
 * deferred scripts get) but started once the first paint is on screen, so the server's HTML shows first;
 * hydration follows a frame or so later. Without JavaScript nothing changes: the HTML is the page.
 */
const startAfterPaint = `(function (srcs) {
  var started = false;
  function start() {
    if (started) return;
    started = true;
    srcs.forEach(function (src) {
      var s = document.createElement('script');
      s.src = src;
      s.async = false; // in order, as deferred scripts run
      document.head.appendChild(s);
    });
  }
  // once the first paint is on screen (the browser reports it as a paint entry), in a task of its own
  try {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        setTimeout(start, 0);
      }
    }).observe({type: 'paint', buffered: true});
  } catch (e) {
    requestAnimationFrame(function () { setTimeout(start, 0); });
  }
  // a browser without paint entries, or a tab opened in the background (which gets no frames)
  setTimeout(start, 1000);
})`;

export const ssrTemplate = `<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
    <% it.scripts.forEach((script) => { %>
      <link rel="preload" as="script" fetchpriority="low" href="<%= it.baseUrl %><%= script %>" />
    <% }); %>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <script>${startAfterPaint}(<%~ JSON.stringify(it.scripts.map((script) => it.baseUrl + script)) %>);</script>
    <%~ it.postBodyTags %>
  </body>
</html>
`;
