/* Samspel 63: start the Pagefind search box (progressive enhancement: the page
   already explains how to find content without JavaScript). Pagefind UI picks
   its strings from <html lang> (sv, nb). Nothing is stored in the browser.
   A large site's index is split into bundles (tools/search_index.py): the one
   at data-bundle, with the UI, and the others listed in its shards.json, which
   Pagefind searches together (mergeIndex). Without that list the search would
   miss pages, so it does not start and the help stays. */
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined" || typeof fetch === "undefined") return;
  var bundle = box.getAttribute("data-bundle");
  fetch(bundle + "shards.json", { cache: "no-cache", credentials: "omit" })
    .then(function (response) {
      if (!response.ok) throw new Error("shards.json: " + response.status);
      return response.json();
    })
    .then(function (shards) {
      new PagefindUI({
        element: "#search",
        bundlePath: bundle,
        mergeIndex: shards.bundles.map(function (path) {
          return { bundlePath: bundle + path };
        }),
        showImages: false,
        resetStyles: false
      });
      var help = document.getElementById("search-help");
      if (help) help.hidden = true;
    })
    .catch(function (error) {
      if (window.console) console.error("Search not started:", error);
    });
});
