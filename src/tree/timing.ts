/**
 * "Show Timing": a request's eight timing stamps as a waterfall, in a read-only Markdown document
 * (scheme apigw-timing). Log values are shown inside code spans and blocks only, cleaned of control characters.
 */
import * as vscode from 'vscode';
import { decodeTiming, timingInputFromRecord, type TimingAnalysis } from '../core/decode/timing';
import { renderWaterfallText } from '../core/decode/waterfall';
import { formatLatency } from '../core/decode/latency';
import { cleanText, requestLabel, type RequestFigures } from './labels';

/** The scheme of timing documents. */
export const TIMING_SCHEME = 'apigw-timing';

/** Serves the timing documents from memory (the last 50). */
export class TimingDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly _onDidChange = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's text was replaced. */
  readonly onDidChange = this._onDidChange.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# Timing\n\nNo longer in memory: run "Show Timing" again.\n';
  }

  /** Opens the timing of a request beside the current editor. */
  async show(request: RequestFigures, record: Readonly<Record<string, unknown>>): Promise<vscode.TextEditor> {
    const name = (request.requestId || `line-${request.line}`).replace(/[^\w.-]+/g, '_').slice(0, 80);
    const uri = vscode.Uri.from({ scheme: TIMING_SCHEME, path: `/Timing ${name}.md` });
    this.texts.delete(uri.toString());
    this.texts.set(uri.toString(), timingMarkdown(request, decodeTiming(timingInputFromRecord(record))));
    while (this.texts.size > 50) this.texts.delete(this.texts.keys().next().value!);
    this._onDidChange.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  /** Registers the provider. */
  static register(): { documents: TimingDocuments; disposable: vscode.Disposable } {
    const documents = new TimingDocuments();
    const disposable = vscode.Disposable.from(documents, vscode.workspace.registerTextDocumentContentProvider(TIMING_SCHEME, documents));
    return { documents, disposable };
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}

/** The document text: title, totals, waterfall, findings. */
export function timingMarkdown(request: RequestFigures, timing: TimingAnalysis): string {
  const lines = [
    `# Timing of request \`${code(request.requestId || '—')}\``,
    '',
    `\`${code(requestLabel(request))}\` — line ${request.line}`,
    '',
    `- Total: ${formatLatency(timing.totalMs ?? NaN)}`,
    `- Backend (service latency): ${formatLatency(timing.serviceLatencyMs ?? NaN)}`,
    `- Gateway overhead: ${formatLatency(timing.gatewayOverheadMs ?? NaN)}`,
    '',
    '```text',
    renderWaterfallText(timing.phases, 32),
    '```',
  ];
  if (timing.findings.length > 0) {
    lines.push('', '## Findings', '', ...timing.findings.map((f) => `- ${f.severity === 'warning' ? '⚠ ' : ''}${cleanText(f.message.en, 400)}`));
  }
  return `${lines.join('\n')}\n`;
}

function code(text: string): string {
  return cleanText(text).replace(/`/g, "'");
}
