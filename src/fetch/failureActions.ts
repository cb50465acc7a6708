/** Shows a failed fetch as an error message and runs the button the user picks. */
import * as vscode from 'vscode';
import type { CloudError } from '../cloud/errors';
import { SET_ACCESS_KEY_COMMAND } from './accessKeyCommands';
import { BUTTONS, ButtonLabel, failureMessage } from './failureMessages';
import { selectRegion } from './fetchSettings';

/** What the buttons can do. */
export interface FailureActions {
  readonly retry: () => Thenable<unknown>;
  readonly log: vscode.LogOutputChannel;
}

const RAM_CONSOLE = 'https://ram.console.aliyun.com/';

async function runButton(choice: ButtonLabel | undefined, actions: FailureActions): Promise<unknown> {
  switch (choice) {
    case BUTTONS.setAccessKey:
      return (await vscode.commands.executeCommand<boolean>(SET_ACCESS_KEY_COMMAND)) ? actions.retry() : undefined;
    case BUTTONS.selectRegion:
      return (await selectRegion()) ? actions.retry() : undefined;
    case BUTTONS.retry:
      return actions.retry();
    case BUTTONS.openSettings:
      return vscode.commands.executeCommand('workbench.action.openSettings', 'apigwLogs');
    case BUTTONS.openRamConsole:
      return vscode.env.openExternal(vscode.Uri.parse(RAM_CONSOLE));
    case BUTTONS.showLog:
      actions.log.show(true);
      return undefined;
    default:
      return undefined;
  }
}

/** Shows the message without waiting for the user; resolves nothing, returns what was shown. */
export function presentFailure(error: CloudError, actions: FailureActions): { text: string; buttons: readonly ButtonLabel[] } {
  const shown = failureMessage(error);
  void vscode.window.showErrorMessage(shown.text, ...shown.buttons).then((choice) => runButton(choice, actions));
  return shown;
}
