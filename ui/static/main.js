// Loads the Leptos app. Kept out of index.html so the CSP needs no inline script.
import init from "./satchel_ui.js";
init();
