/* Samspel 63: start the Pagefind search box (progressive enhancement: the page
   already explains how to find content without JavaScript). Pagefind UI picks
   its strings from <html lang> (sv, nb). Nothing is stored in the browser. */
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({
    element: "#search",
    bundlePath: box.getAttribute("data-bundle"),
    showImages: false,
    resetStyles: false
  });
  var help = document.getElementById("search-help");
  if (help) help.hidden = true;
});
