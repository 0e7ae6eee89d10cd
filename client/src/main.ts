/**
 * Entry point of the Cordon web client: picks the interface language, then lets the shell show the screen the
 * address asks for. Screens load on demand, so the lobby is usable before Phaser or the replay engine arrive.
 */
import { initLanguage, t } from "./i18n/i18n.ts";
import { App } from "./ui/app.ts";

initLanguage();
const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");
document.title = t("app.name");
const skip = document.getElementById("skip-link");
if (skip) skip.textContent = t("app.skip");
void new App(root).start();
