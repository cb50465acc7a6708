/** A minimal typed event emitter with VS Code's `Event` shape, so src/logs' core runs (and is tested) without 'vscode'. */

/** A subscription that can be ended. */
export interface Subscription {
  dispose(): void;
}

/** Subscribes a listener; VS Code's `vscode.Event<T>` is assignable to and from this shape. */
export type Listen<T> = (listener: (value: T) => void) => Subscription;

/** Fires values to its listeners; `event` is what consumers subscribe to. */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  /** Subscribe to the values fired. */
  readonly event: Listen<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Calls every listener; a throwing listener does not stop the others. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (e) {
        console.error('apigwLogs: event listener failed', e);
      }
    }
  }

  /** Drops every listener. */
  dispose(): void {
    this.listeners.clear();
  }
}
