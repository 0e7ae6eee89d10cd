#!/usr/bin/env node
// The `cordon` command. npm puts node_modules/.bin first on PATH for `npx cordon` and npm scripts, so this runs
// on the project's pinned Node 24, which executes the TypeScript sources directly.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `cordon needs Node.js 22.18 or newer (this is ${process.version}). Run it through npm ("npx cordon ..." or ` +
      `"npm run cordon -- ...") after "npm install", which provides Node 24.\n`
  );
  process.exit(1);
}
const { runCli } = await import("../server/src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
  isTty: Boolean(process.stderr.isTTY),
  cwd: process.cwd()
});
