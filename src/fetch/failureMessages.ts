/** The message and buttons shown for each kind of fetch failure. */
import type { CloudError, CloudErrorKind } from '../cloud/errors';

/** Button labels, also used to dispatch the follow-up action. */
export const BUTTONS = {
  setAccessKey: 'Set Access Key',
  selectRegion: 'Select Region',
  retry: 'Retry',
  openSettings: 'Open Settings',
  openRamConsole: 'Open RAM Console',
  showLog: 'Show Log',
} as const;

/** One of the button labels. */
export type ButtonLabel = (typeof BUTTONS)[keyof typeof BUTTONS];

const BUTTONS_BY_KIND: Readonly<Record<CloudErrorKind, readonly ButtonLabel[]>> = {
  noCredentials: [BUTTONS.setAccessKey],
  invalidAccessKey: [BUTTONS.setAccessKey],
  signatureMismatch: [BUTTONS.setAccessKey, BUTTONS.retry],
  forbidden: [BUTTONS.openRamConsole],
  notFound: [BUTTONS.selectRegion],
  throttled: [BUTTONS.retry],
  network: [BUTTONS.retry, BUTTONS.openSettings],
  timeout: [BUTTONS.retry, BUTTONS.openSettings],
  malformed: [BUTTONS.retry, BUTTONS.showLog],
  server: [BUTTONS.retry, BUTTONS.showLog],
  cancelled: [],
  invalidEndpoint: [BUTTONS.openSettings],
};

/** The text and buttons of the error message for a failed fetch. */
export function failureMessage(error: CloudError): { text: string; buttons: readonly ButtonLabel[] } {
  const serviceId = error.requestId ? ` (service request ID ${error.requestId})` : '';
  return { text: `${error.message} ${error.hint}${serviceId}`, buttons: BUTTONS_BY_KIND[error.kind] };
}
