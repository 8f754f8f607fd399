/** The demo corpus loader, called by `impactwire start` (see demo.ts). */
export { loadDemoCorpus, readDemoCorpus, DEMO_FILE, type DemoArticle } from "./demo.ts";
