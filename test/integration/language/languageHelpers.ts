/** Helpers for the language integration tests: documents in the access-log language, hovers as Markdown. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, findSamples, waitForEvent } from '../helpers';

/** Opens and shows a document, resolving once it has the access-log language (switched by detection if need be). */
export async function showAsAccessLog(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const switched = waitForEvent(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId === LANGUAGE_ID) {
    void switched.catch(() => undefined);
    await vscode.window.showTextDocument(document);
    return document;
  }
  await vscode.window.showTextDocument(document);
  const result = await switched;
  await vscode.window.showTextDocument(result);
  return result;
}

/** The workspace sample whose name is `name`. */
export async function sample(name: string): Promise<vscode.Uri> {
  const [uri] = await findSamples(`**/${name}`);
  return uri;
}

/** The position `delta` characters into the `nth` (1-based) occurrence of `needle` (a string or a regex). */
export function positionOf(document: vscode.TextDocument, needle: string | RegExp, delta = 1, nth = 1): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i < nth; i++) {
    if (typeof needle === 'string') at = text.indexOf(needle, at + 1);
    else {
      const re = new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`);
      re.lastIndex = at + 1;
      at = re.exec(text)?.index ?? -1;
    }
    assert.ok(at >= 0, `${String(needle)} (#${i + 1}) not found in ${document.uri.path}`);
  }
  return document.positionAt(at + delta);
}

/** The hovers VS Code shows at a position, as Markdown strings (every provider's). */
export async function hoverMarkdownAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

/** The one hover text at a position, failing when there is none. */
export async function hoverAt(document: vscode.TextDocument, needle: string | RegExp, delta = 1, nth = 1): Promise<string> {
  const texts = await hoverMarkdownAt(document, positionOf(document, needle, delta, nth));
  assert.ok(texts.length > 0, `no hover at ${String(needle)} in ${document.uri.path}`);
  return texts.join('\n\n');
}
