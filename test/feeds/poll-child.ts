/**
 * Child process of the poll crash test: `impactwire feeds poll --all` with the environment it is given
 * (DATA_DIR, ALLOW_PRIVATE_NETWORKS). Run with `node --import tsx test/feeds/poll-child.ts`.
 */
import { runFeeds } from "../../src/cli/feeds/feeds.ts";

process.exitCode = await runFeeds(["poll", "--all"]);
