/** Request lookup over the logs fetched in this session (QueryRequestLogs answers). */
import { fetchedLogs, type FetchedLogs } from '../fetch/fetchedLogs';
import { summaryFromFields, type RequestLookup, type RequestSummary } from './hoverRequest';

/** Finds a request among the fetched logs. */
export class FetchedLogsLookup implements RequestLookup {
  constructor(private readonly store: FetchedLogs = fetchedLogs) {}

  /** The fetched log's records for this ID, summarised. */
  find(requestId: string): Promise<RequestSummary[]> {
    const entry = this.store.get(requestId);
    if (!entry) return Promise.resolve([]);
    const source = `fetched (${entry.region})`;
    return Promise.resolve(entry.logs.map((log) => summaryFromFields(log, source)));
  }
}
