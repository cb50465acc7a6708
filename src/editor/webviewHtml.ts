/** The explorer webview's HTML: a strict CSP with a fresh nonce, scripts and styles only from dist/ and media/. */
import { randomBytes } from 'node:crypto';

/** What the page needs: resource URIs (already converted with asWebviewUri) and the webview's cspSource. */
export interface HtmlResources {
  readonly cspSource: string;
  readonly script: string;
  readonly styles: readonly string[];
  readonly title: string;
}

/** A fresh nonce for one page load. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** Escapes text for an HTML attribute or text node (only the file name and URIs reach this page). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The Content-Security-Policy of the page. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/** The page: an empty body the script fills once the host answers `ready`. */
export function explorerHtml(r: HtmlResources, nonce = makeNonce()): string {
  const links = r.styles.map((href) => `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(href)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r.cspSource, nonce)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${links}
    <title>${escapeHtml(r.title)}</title>
  </head>
  <body data-apigw-explorer="${escapeHtml(r.title)}">
    <div class="boot">Opening ${escapeHtml(r.title)}…</div>
    <script nonce="${nonce}" src="${escapeHtml(r.script)}"></script>
  </body>
</html>`;
}
