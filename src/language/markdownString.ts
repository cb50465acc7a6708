/** Wraps hover Markdown for VS Code: no HTML, command links enabled only for the extension's own commands. */
import * as vscode from 'vscode';
import { HOVER_COMMANDS } from './markdown';

/** A MarkdownString trusted only for HOVER_COMMANDS, with HTML and theme icons off. */
export function hoverMarkdownString(markdown: string): vscode.MarkdownString {
  const ms = new vscode.MarkdownString(markdown, false);
  ms.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  ms.supportHtml = false;
  return ms;
}
