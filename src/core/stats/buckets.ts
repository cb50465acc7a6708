/** Timeline bucket sizes: the smallest "nice" size giving at most the wanted number of buckets. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bucket sizes offered, in ms. */
export const NICE_BUCKET_MS = [
  SECOND, 5 * SECOND, 10 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 10 * MINUTE, 30 * MINUTE,
  HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY, 365 * DAY,
];

/** Number of buckets aligned to multiples of `size` (UTC epoch) that [from, to] spans. */
export function bucketCount(from: number, to: number, size: number): number {
  return Math.floor(to / size) - Math.floor(from / size) + 1;
}

/** The bucket size for times in [from, to] with at most `maxBuckets` buckets. */
export function chooseBucketMs(from: number, to: number, maxBuckets: number): number {
  const wanted = Math.max(1, Math.floor(maxBuckets));
  for (const size of NICE_BUCKET_MS) if (bucketCount(from, to, size) <= wanted) return size;
  const largest = NICE_BUCKET_MS[NICE_BUCKET_MS.length - 1];
  let size = largest * Math.ceil((to - from) / largest / wanted);
  while (bucketCount(from, to, size) > wanted) size += largest;
  return size;
}
