// Marks the page as scripted before the body is drawn, so that controls needing a script (search) are shown from
// the first paint and the page without JavaScript shows what to do instead (site.css: html.js / html:not(.js)).
document.documentElement.classList.add("js");
