// One build script, one entry per runtime: the extension host (node, cjs) and the webview (browser, iife).
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Shared options: minified for release, source maps in development. */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const nodeTargets = [
  { entryPoints: { extension: 'src/extension.ts' } },
  { entryPoints: { worker: 'src/core/engine/worker.ts' }, optional: true },
].filter((t) => !t.optional || Object.values(t.entryPoints).every((p) => fs.existsSync(p)));

const builds = [
  ...nodeTargets.map(({ optional: _optional, ...t }) => ({
    ...common,
    ...t,
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  })),
  ...(fs.existsSync('src/webview/main.ts')
    ? [{ ...common, entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', target: 'es2022' }]
    : []),
];

/** The webview's icon font ships from dist/codicons (webviews may load only what localResourceRoots allow). */
function copyCodicons() {
  fs.mkdirSync('dist/codicons', { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/codicons/${f}`);
}

async function main() {
  fs.rmSync('dist', { recursive: true, force: true });
  copyCodicons();
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
