/** The language features' settings: display language and automatic detection. */
import * as vscode from 'vscode';
import type { Lang } from '../core/fields/lang';

/** The language id given to access logs. */
export const LANGUAGE_ID = 'apigw-access-log';

/** The display language: `apigwLogs.displayLanguage`, where `auto` follows VS Code's own language. */
export function displayLang(): Lang {
  const setting = vscode.workspace.getConfiguration('apigwLogs').get<string>('displayLanguage', 'auto');
  if (setting === 'zh-cn') return 'zh';
  if (setting === 'en') return 'en';
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Whether `.log`/`.json`/`.jsonl`/`.csv` files holding access records are switched to the language on open. */
export function autoDetectEnabled(): boolean {
  return vscode.workspace.getConfiguration('apigwLogs').get<boolean>('autoDetect', true);
}
