import type { FastifyBaseLogger } from 'fastify';

// Recurring maintenance until the job queue (pg-boss) arrives with the video
// work: each task runs on its own interval, never overlapping itself, and a
// failure is logged, not fatal.

export interface PeriodicTask {
  name: string;
  everyMs: number;
  /** Also run once right away (e.g. work a fresh start needs before the first interval). */
  runAtStart?: boolean;
  run(now: Date): Promise<unknown>;
}

export function startPeriodicTasks(tasks: PeriodicTask[], log: FastifyBaseLogger): () => Promise<void> {
  const running = new Map<string, Promise<unknown>>();
  const timers = tasks.map((task) => {
    const tick = () => {
      if (running.has(task.name)) return;
      const run = task
        .run(new Date())
        .catch((error) => log.warn({ err: error, task: task.name }, 'periodic task failed'))
        .finally(() => running.delete(task.name));
      running.set(task.name, run);
    };
    if (task.runAtStart) tick();
    const timer = setInterval(tick, task.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(running.values());
  };
}
