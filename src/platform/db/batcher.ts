/**
 * Group commit: work items that arrive while a batch is being written wait and go together in the
 * next one, so a burst of requests costs a few statements instead of a few per request. A batch
 * that fails is retried item by item, so one bad item fails alone.
 */
export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, maxBatch = 200) {
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let running = false;

  async function settle(batch: Waiting[]) {
    try {
      const out = await run(batch.map((w) => w.item));
      for (const [i, w] of batch.entries()) w.resolve(out[i]!);
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const w of batch) await settle([w]);
    }
  }

  async function drain() {
    running = true;
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      await settle(batch);
    }
    running = false;
  }

  return (item: I): Promise<O> =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Wait one turn of the event loop so requests arriving together share the first batch.
      if (!running && queue.length === 1) setImmediate(() => void drain());
    });
}
